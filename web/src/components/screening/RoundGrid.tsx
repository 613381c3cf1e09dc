import { Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { ScreeningGrid, ScreeningGridRow } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { categoryColors } from './format.js';

type Row = ScreeningGridRow & { key: string; township: string };

/** The round as villages × criteria: each cell coloured by its findings, the channels in its tooltip. */
export function RoundGrid({ grid, onPick }: { grid: ScreeningGrid; onPick: (orgCode: string, criterion?: string) => void }) {
  const { t } = useI18n();
  const rows: Row[] = grid.townships.flatMap((tw) => tw.rows.map((r) => ({ ...r, key: r.org.code, township: tw.name })));
  const criteria = grid.criteria.filter((c) => c.active || rows.some((r) => r.cells.some((x) => x.criterion === c.code)));
  const columns: TableColumnsType<Row> = [
    {
      title: t('screening.org'), key: 'org', fixed: 'left', width: 200,
      render: (_, r) => (
        <a onClick={() => onPick(r.org.code)} data-testid={`screening-row-${r.org.code}`}>
          {r.org.name}
          {r.defined && <Tag color="red" style={{ marginInlineStart: 6 }}>{t(`screening.state.${r.caseState ?? 'identified'}`)}</Tag>}
        </a>
      ),
    },
    { title: t('screening.township'), dataIndex: 'township', key: 'township', width: 120 },
    ...criteria.map((c) => ({
      title: <Tooltip title={c.title}><span><Tag color={categoryColors[c.category]} style={{ marginInlineEnd: 2 }}>{t(`screening.category.${c.category}`)}</Tag>{c.code}</span></Tooltip>,
      key: c.code, width: 74, align: 'center' as const,
      render: (_: unknown, r: Row) => {
        const cell = r.cells.find((x) => x.criterion === c.code);
        if (!cell) return null;
        const channels = cell.channels.map((ch) => t(`screening.channel.${ch}`)).join('、');
        const background = cell.confirmed > 0 ? '#ffccc7' : '#fff1b8';
        return (
          <Tooltip title={t('screening.cellTip', { confirmed: cell.confirmed, proposed: cell.proposed, channels })}>
            <div onClick={() => onPick(r.org.code, c.code)} style={{ background, cursor: 'pointer', borderRadius: 4, padding: '2px 0' }} data-testid={`screening-cell-${r.org.code}-${c.code}`}>
              {cell.confirmed > 0 ? cell.confirmed : ''}{cell.proposed > 0 ? `${cell.confirmed > 0 ? '+' : ''}${cell.proposed}?` : ''}
            </div>
          </Tooltip>
        );
      },
    })),
  ];
  return <Table<Row> size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 320 + criteria.length * 74, y: 560 }} bordered data-testid="screening-grid" />;
}
