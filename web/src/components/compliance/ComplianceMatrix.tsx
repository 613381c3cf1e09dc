import { Card, Flex, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { cellStatuses } from '../../../../src/platform/cadence/status.js';
import type { ComplianceCell, CompliancePeriod, ComplianceRow, ComplianceView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { cellStyles, meetingsLink } from './labels.js';

const behind = (row: ComplianceRow) => row.cells.some((c) => c?.status === 'due' || c?.status === 'overdue');

interface CellProps {
  cell: ComplianceCell;
  row: ComplianceRow;
  period: CompliancePeriod;
  view: ComplianceView;
}

function MatrixCell({ cell, row, period, view }: CellProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const status = t(`compliance.status.${cell.status}`);
  return (
    <button
      type="button"
      data-testid={`compliance-cell-${row.org.code}-${period.key}`}
      data-status={cell.status}
      title={t('compliance.cellTip', { org: row.org.name, period: period.label, status, held: cell.held, min: view.rule.min })}
      onClick={() => navigate(meetingsLink(row.org.code, view.rule.eventKind, period))}
      style={{ ...cellStyles[cell.status], width: '100%', border: 0, borderRadius: 4, padding: '2px 4px', cursor: 'pointer', font: 'inherit', whiteSpace: 'nowrap' }}
    >
      {t(`compliance.cell.${cell.status}`, { held: cell.held })}
    </button>
  );
}

interface Props {
  view: ComplianceView;
  pendingOnly: boolean;
  onPendingOnly: (value: boolean) => void;
}

/**
 * Organizations × periods: a cell per subject and period, coloured by status and leading to the
 * meetings it counted; blank where the organization did not exist then.
 */
export function ComplianceMatrix({ view, pendingOnly, onPendingOnly }: Props) {
  const { t } = useI18n();
  const rows = useMemo(() => (pendingOnly ? view.rows.filter(behind) : view.rows), [view.rows, pendingOnly]);
  const columns: TableColumnsType<ComplianceRow> = [
    {
      title: t('compliance.col.org'), key: 'org', fixed: 'left', width: 180,
      render: (_, row) => (
        <Flex vertical>
          <span>{row.org.name}</span>
          {row.under && row.under.code !== row.org.code && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.under.name}</Typography.Text>}
        </Flex>
      ),
    },
    ...view.periods.map((period, i): TableColumnsType<ComplianceRow>[number] => ({
      title: period.label, key: period.key, align: 'center',
      // Labels such as 2026年第1季度 stay on one line; cells are as wide as their heading.
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, row) => {
        const cell = row.cells[i];
        return cell ? <MatrixCell cell={cell} row={row} period={period} view={view} /> : null;
      },
    })),
  ];

  return (
    <Card
      size="small"
      title={t('compliance.matrix')}
      extra={(
        <Flex gap={8} align="center">
          <Switch size="small" checked={pendingOnly} onChange={onPendingOnly} data-testid="compliance-pending" />
          <span>{t('compliance.pendingOnly')}</span>
        </Flex>
      )}
    >
      <Flex wrap gap={4} align="center" style={{ marginBottom: 8 }}>
        {cellStatuses.map((s) => (
          <Tag key={s} variant="filled" style={{ ...cellStyles[s], marginInlineEnd: 0 }}>{t(`compliance.status.${s}`)}</Tag>
        ))}
        <Typography.Text type="secondary">{t('compliance.matrixHint')}</Typography.Text>
      </Flex>
      <Table<ComplianceRow>
        data-testid="compliance-matrix"
        rowKey={(row) => row.org.code}
        columns={columns}
        dataSource={rows}
        size="small"
        bordered
        sticky
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(view.rows.length === 0 ? 'compliance.noSubjects' : 'compliance.allDone') }}
        pagination={{
          defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [50, 100, 200],
          showTotal: (total) => <span data-testid="compliance-rows">{t('compliance.rows', { total })}</span>,
        }}
      />
    </Card>
  );
}
