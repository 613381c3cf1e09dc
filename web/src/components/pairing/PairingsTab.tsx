import { Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { PairingItem, PairingPage, Permission } from '../../contracts.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { ContactModal } from './ContactModal.js';
import { EndModal } from './EndModal.js';
import { statusColor } from './labels.js';
import { Refused } from '../Refused.js';

interface Props {
  orgCode: string;
  mine: boolean;
  active: boolean;
  /** Bumped when a pairing is added elsewhere on the page. */
  version: number;
}

function Action({ can, t, onClick, children, testId, danger }: { can: Permission; t: Translate; onClick: () => void; children: string; testId: string; danger?: boolean }) {
  if (can.allowed) return <Button size="small" danger={danger} onClick={onClick} data-testid={testId}>{children}</Button>;
  return <Refused reason={t(`pairing.reason.${can.reason ?? 'no_ability'}` as 'pairing.reason.no_ability')}><Button size="small" disabled>{children}</Button></Refused>;
}

/** Pairings by village and cadre, each with its last contact and where it stands this period; cards so a phone shows them whole. */
export function PairingsTab({ orgCode, mine, active, version }: Props) {
  const { t } = useI18n();
  const [changed, setChanged] = useState(0);
  const [contacting, setContacting] = useState<PairingItem | null>(null);
  const [ending, setEnding] = useState<PairingItem | null>(null);
  const query = { org: orgCode, mine: mine ? 'true' : undefined, active: active ? 'true' : undefined, pageSize: 500 };
  const loaded = useApi(`${JSON.stringify(query)}|${version}|${changed}`, (signal) => api.get<PairingPage>('/api/pairing/pairings', query, { signal }));
  if (loaded.error) return <ApiFailure error={loaded.error} onRetry={loaded.reload} />;
  const saved = () => { setContacting(null); setEnding(null); setChanged((c) => c + 1); };
  return (
    <>
      <List loading={loaded.loading} dataSource={loaded.data?.items ?? []} grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }} data-testid="pairing-list"
        locale={{ emptyText: <Empty description={t('pairing.empty')} /> }}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Card size="small" data-testid="pairing-card" title={`${p.cadre.name} → ${t('pairing.householdOf', { name: p.household.headName })}`}
              extra={p.current ? <Tag color={statusColor[p.current.status]} data-testid="pairing-status">{t(`pairing.status.${p.current.status}`)}</Tag> : <Tag>{t('pairing.ended')}</Tag>}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{p.org.name} · {t('pairing.since', { date: p.startedOn })}{p.endedOn ? ` — ${p.endedOn}` : ''}</Typography.Text>
                <Space wrap size={[4, 4]}>{p.helpTypes.map((h) => <Tag key={h.id}>{h.name}</Tag>)}</Space>
                <Typography.Text data-testid="pairing-last">{p.lastContactOn ? t('pairing.lastContact', { date: p.lastContactOn }) : t('pairing.noContact')}</Typography.Text>
                {p.current && <Typography.Text type="secondary">{t('pairing.currentPeriod', { period: p.current.period, held: p.current.held, min: p.current.min })}</Typography.Text>}
                {p.endReason && <Typography.Text type="secondary">{t('pairing.endReason', { reason: p.endReason })}</Typography.Text>}
                {!p.endedOn && (
                  <Space wrap>
                    <Action can={p.can.contact} t={t} onClick={() => setContacting(p)} testId="pairing-contact">{t('pairing.contact.button')}</Action>
                    <Action can={p.can.end} t={t} onClick={() => setEnding(p)} testId="pairing-end" danger>{t('pairing.end.button')}</Action>
                  </Space>
                )}
              </Flex>
            </Card>
          </List.Item>
        )} />
      <ContactModal pairing={contacting} onClose={() => setContacting(null)} onSaved={saved} />
      <EndModal pairing={ending} onClose={() => setEnding(null)} onSaved={saved} />
    </>
  );
}
