import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import type { StatisticsChild } from '../../contracts.js';
import { compareNatural } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { headlineFigures, percentText } from './share.js';

/** The same figures per direct child; a child's name drills into it (the parent's own members stay put). */
export function ChildrenTable({ items, onPick }: { items: StatisticsChild[]; onPick: (code: string) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<StatisticsChild> = [
    {
      title: t('stats.childName'), dataIndex: 'name', fixed: 'left', width: 180,
      sorter: (a, b) => compareNatural(a.name, b.name),
      render: (name: string, row) => row.own ? name : (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onPick(row.code)} data-testid={`stats-child-${row.code}`}>
          {name}
        </Button>
      ),
    },
    {
      title: t('stats.total'), key: 'total', align: 'right', width: 90,
      sorter: (a, b) => a.members.total - b.members.total,
      render: (_, row) => row.members.total.toLocaleString('zh-CN'),
    },
    ...headlineFigures.map(({ figure, label }): TableColumnsType<StatisticsChild>[number] => ({
      title: t(label), key: figure, align: 'right', width: 110,
      sorter: (a, b) => a.members[figure] - b.members[figure],
      render: (_, row) => (
        <span>
          {row.members[figure].toLocaleString('zh-CN')}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}> {percentText(row.percents[figure])}</Typography.Text>
        </span>
      ),
    })),
  ];
  return (
    <Card size="small" title={t('stats.children')} extra={<Typography.Text type="secondary">{t('stats.drillHint')}</Typography.Text>}>
      <Table<StatisticsChild>
        data-testid="stats-children"
        rowKey={(row) => `${row.own ? 'own' : 'child'}:${row.code}`}
        columns={columns}
        dataSource={items}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
