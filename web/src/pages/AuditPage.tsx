import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api.js';
import { AuditEventDetail } from '../components/AuditEventDetail.js';
import { ForbiddenView } from '../components/ResultViews.js';
import type { AuditEvent, AuditPage as AuditPageBody } from '../contracts.js';
import { chinaDateTime } from '../format.js';
import { useI18n, type Translate } from '../i18n/I18nProvider.js';
import { dictionaries, type MessageKey } from '../i18n/messages.js';
import { useApi } from '../useApi.js';

const knownActions = [
  'organization.create', 'organization.update', 'organization.move', 'organization.merge', 'organization.dissolve',
  'admin_unit.create', 'session.sign_in', 'user.change_password', 'user.create', 'user.reset_password', 'user.disable',
  'user.enable', 'demo.load',
] as const;

function label(t: Translate, prefix: 'audit.action' | 'audit.entity', value: string): string {
  const key = `${prefix}.${value}`;
  return key in dictionaries.zh ? t(key as MessageKey) : value;
}

/** What the event is about, as the server labels it; an event without a label shows its (internal) id. */
function EntityCell({ event }: { event: AuditEvent }) {
  const { t, lang } = useI18n();
  const uuid = /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(event.entityId);
  return (
    <span>
      {label(t, 'audit.entity', event.entityType)}{lang === 'zh' ? '：' : ': '}
      {event.entityLabel || (uuid ? <Tooltip title={event.entityId}><Typography.Text code>{event.entityId.slice(0, 8)}</Typography.Text></Tooltip> : event.entityId)}
    </span>
  );
}

interface Filters {
  range?: [Dayjs, Dayjs] | null;
  action?: string;
  actor?: string;
}

export default function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const query = {
    action: params.get('action') ?? undefined,
    actor: params.get('actor') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page,
    pageSize,
  };
  const { data, error, loading } = useApi(params.toString(), (signal) => api.get<AuditPageBody>('/api/audit', query, { signal }));

  if (error instanceof ApiError && error.status === 403) return <ForbiddenView detail={error.message} />;

  const apply = (v: Filters) => {
    const next = new URLSearchParams();
    if (v.range) {
      next.set('from', v.range[0].format('YYYY-MM-DD'));
      next.set('to', v.range[1].format('YYYY-MM-DD'));
    }
    if (v.action) next.set('action', v.action);
    if (v.actor?.trim()) next.set('actor', v.actor.trim());
    if (pageSize !== 20) next.set('pageSize', String(pageSize));
    setParams(next);
  };

  const columns: TableColumnsType<AuditEvent> = [
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => chinaDateTime(at) },
    {
      key: 'actor', title: t('audit.actor'), width: 140,
      render: (_, e) => (
        <span>
          {e.actorLabel}
          {e.onBehalfOf && <Typography.Text type="secondary"> {t('audit.onBehalfOf', { name: e.onBehalfOf })}</Typography.Text>}
        </span>
      ),
    },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 140, render: (a: string) => label(t, 'audit.action', a) },
    {
      key: 'entity', title: t('audit.entity'),
      render: (_, e) => <EntityCell event={e} />,
    },
  ];

  const initial: Filters = {
    range: query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null,
    action: query.action,
    actor: query.actor,
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.audit')}</Typography.Title>
      <Card size="small">
        <Form<Filters> form={form} layout="inline" initialValues={initial} onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker allowClear />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Select allowClear placeholder={t('audit.allActions')} style={{ minWidth: 160 }}
              options={knownActions.map((a) => ({ value: a, label: label(t, 'audit.action', a) }))} />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit">{t('common.search')}</Button>
              <Button onClick={() => { form.setFieldsValue({ range: null, action: undefined, actor: undefined }); setParams({}); }}>
                {t('common.reset')}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
      {error !== undefined && !(error instanceof ApiError && error.status === 403) && (
        <Typography.Text type="danger">{error instanceof Error ? error.message : String(error)}</Typography.Text>
      )}
      <Table<AuditEvent>
        data-testid="audit-table"
        rowKey="seq"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 720 }}
        expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('audit.total', { total }),
          onChange: (nextPage, nextSize) => {
            const next = new URLSearchParams(params);
            next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
            next.set('pageSize', String(nextSize));
            setParams(next);
          },
        }}
      />
    </Flex>
  );
}
