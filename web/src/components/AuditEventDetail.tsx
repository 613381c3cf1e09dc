import { Col, Row, Typography } from 'antd';
import type { AuditEvent } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded row of the audit table: the record before and after, and the chain hash. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { t, lang } = useI18n();
  const sep = lang === 'zh' ? '：' : ': ';
  return (
    <div>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <Json value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <Json value={event.after} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: 'break-all', margin: 0 }}>
        {t('audit.entityId')}{sep}<Typography.Text copyable={{ text: event.entityId }} type="secondary" style={{ fontSize: 12 }}>{event.entityId}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: 'break-all', margin: 0 }}>
        {t('audit.hash')}{sep}{event.hash}
      </Typography.Paragraph>
    </div>
  );
}
