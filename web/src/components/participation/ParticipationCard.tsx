import { Alert, Card, Flex, Tooltip, Typography } from 'antd';
import { api, ApiError } from '../../api.js';
import type { ParticipationView } from '../../contracts.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';

type Month = ParticipationView['months'][number];

const marks = [['attended', '参', 'M'], ['paid', '费', 'D'], ['duty', '职', 'J']] as const;

function cellColor(m: Month): string {
  if (!m.member) return '#f5f5f5';
  if (m.attended || m.paid || m.duty) return '#f6ffed';
  return m.complete ? '#fff1f0' : '#fafafa';
}

function cellTitle(m: Month, t: Translate): string {
  const done = marks.filter(([key]) => m[key]).map(([key]) => t(`participation.${key}`));
  const notes = [!m.member && t('participation.notMember'), !m.complete && t('participation.current')].filter(Boolean);
  return [m.month, done.join('、') || '—', ...notes].join(' · ');
}

/** 参加组织生活: the member's last twelve months as a row of cells, each with a meeting, dues and duty mark. */
export function ParticipationCard({ personId }: { personId: string }) {
  const { t, lang } = useI18n();
  const view = useApi(personId, (signal) => api.get<ParticipationView>('/api/participation', { person: personId, months: 12 }, { signal }));
  // Someone who may not read the member's records sees no card (the server answers "not found").
  if (view.error instanceof ApiError && view.error.status === 404) return null;
  const v = view.data;
  return (
    <Card size="small" title={t('participation.title')} loading={!v && !view.error} data-testid="participation-card">
      {view.error !== undefined && !v && <Typography.Text type="danger">{view.error instanceof Error ? view.error.message : String(view.error)}</Typography.Text>}
      {v && (
        <Flex vertical gap={8}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(52px, 1fr))', gap: 4 }}>
            {v.months.map((m) => (
              <Tooltip key={m.month} title={cellTitle(m, t)}>
                <div data-testid="participation-month" data-month={m.month} data-idle={m.member && !m.attended && !m.paid && !m.duty ? 'true' : 'false'}
                  style={{ background: cellColor(m), border: `1px ${m.complete ? 'solid' : 'dashed'} #d9d9d9`, borderRadius: 4, padding: '2px 4px', textAlign: 'center' }}>
                  <div style={{ fontSize: 12, color: '#595959' }}>{m.month.slice(2).replace('-', '.')}</div>
                  <div style={{ fontSize: 12, letterSpacing: 1 }}>
                    {marks.map(([key, zh, en]) => (
                      <span key={key} style={{ color: m[key] ? '#389e0d' : '#d9d9d9', fontWeight: m[key] ? 600 : 400 }}>{lang === 'zh' ? zh : en}</span>
                    ))}
                  </div>
                </div>
              </Tooltip>
            ))}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('participation.legend')}</Typography.Text>
          {v.idle && v.idle.months > 0 && (
            <Alert type={v.flagged ? 'warning' : 'info'} showIcon data-testid="participation-idle"
              title={t('participation.idle', { months: v.idle.months, from: v.idle.from })}
              description={v.flagged ? t('participation.flaggedNote') : undefined} />
          )}
        </Flex>
      )}
    </Card>
  );
}
