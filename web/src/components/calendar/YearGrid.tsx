import { Card, Tooltip } from 'antd';
import type { CalendarYear } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Day = CalendarYear['days'][number];
const pad = (n: number) => String(n).padStart(2, '0');

/** A year as twelve compact month grids (Monday first), days off in red and make-up working days in blue, each named on hover. */
export function YearGrid({ year, days, onPick }: { year: number; days: readonly Day[]; onPick?: (date: string, day: Day | undefined) => void }) {
  const { t } = useI18n();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const weekdays = [...t('calendar.weekdays')];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }} data-testid="calendar-grid">
      {Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1));
        const lead = (first.getUTCDay() + 6) % 7;
        const count = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
        return (
          <Card key={m} size="small" title={t('calendar.month', { month: m + 1 })} styles={{ body: { padding: 6 } }}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
              {weekdays.map((w, i) => <div key={`h${i}`} style={{ color: '#999' }}>{w}</div>)}
              {cells.map((d, i) => {
                if (d === null) return <div key={`e${i}`} />;
                const date = `${year}-${pad(m + 1)}-${pad(d)}`;
                const day = byDate.get(date);
                const weekend = (lead + d - 1) % 7 >= 5;
                const style = {
                  padding: '2px 0', borderRadius: 4, cursor: onPick ? 'pointer' : 'default',
                  background: day?.kind === 'holiday' ? '#fff1f0' : day?.kind === 'workday' ? '#e6f4ff' : undefined,
                  color: day?.kind === 'holiday' ? '#cf1322' : day?.kind === 'workday' ? '#0958d9' : weekend ? '#999' : undefined,
                  fontWeight: day ? 600 : undefined,
                };
                const cell = (
                  <div style={style} data-testid={`calendar-day-${date}`} data-kind={day?.kind ?? 'normal'} onClick={() => onPick?.(date, day)}>
                    {d}
                  </div>
                );
                return day ? <Tooltip key={date} title={`${day.name} · ${t(day.kind === 'holiday' ? 'calendar.holiday' : 'calendar.workday')}`}>{cell}</Tooltip> : <div key={date}>{cell}</div>;
              })}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
