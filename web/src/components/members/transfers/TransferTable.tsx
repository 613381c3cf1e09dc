import { Flex, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n, type Translate } from '../../../i18n/I18nProvider.js';
import { categoryColors, categoryLabel } from '../labels.js';
import { TransferRowActions } from './TransferRowActions.js';
import type { TransferView } from './types.js';

const stateColors: Record<TransferView['state'], string> = { sent: 'processing', received: 'success', rejected: 'error', cancelled: 'default' };

function StateCell({ transfer: x, t }: { transfer: TransferView; t: Translate }) {
  const label = x.kind === 'out' && x.state === 'sent' ? t('transfers.state.awaitingReceipt') : t(`transfers.state.${x.state}`);
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color={stateColors[x.state]} data-testid={`transfer-state-${x.id}`}>{label}</Tag>
        {x.overdue && <Tag color="red">{t('transfers.overdue')}</Tag>}
      </span>
      {x.due && <Typography.Text type="secondary">{t('transfers.due', { date: x.due })}</Typography.Text>}
      {x.decidedOn && x.state !== 'cancelled' && <Typography.Text type="secondary">{t('transfers.decidedOn', { date: x.decidedOn })}</Typography.Text>}
      {x.rejectReason && <Typography.Text type="danger">{t('transfers.rejectReason', { reason: x.rejectReason })}</Typography.Text>}
    </Flex>
  );
}

interface Props extends Pick<TableProps<TransferView>, 'pagination' | 'loading' | 'locale'> {
  items: TransferView[];
  /** The person column, left out where the table is about one person. */
  showPerson: boolean;
  onChanged: () => void;
  testId: string;
}

/** Transfers with the side each came from and went to, their state and the actions the reader may take. */
export function TransferTable({ items, showPerson, onChanged, testId, ...table }: Props) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<TransferView> = [
    ...(showPerson ? [{
      key: 'person', title: t('transfers.col.person'), width: 190,
      render: (_: unknown, x: TransferView) => (
        <Flex vertical gap={2}>
          <span>
            {x.person.visible ? <Link to={`/members/${x.person.id}`}>{x.person.name}</Link> : x.person.name}
            {x.person.category && <Tag style={{ marginInlineStart: 6 }} color={categoryColors[x.person.category]}>{categoryLabel(x.person.category, lang)}</Tag>}
          </span>
          <Typography.Text type="secondary">
            {[x.person.gender ? t(`memberList.gender.${x.person.gender as '1' | '2'}`) : null, x.person.idNumber].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    }] : []),
    { key: 'kind', title: t('transfers.col.kind'), width: 110, render: (_, x) => t(`transfers.kind.${x.kind}`) },
    { key: 'from', title: t('transfers.col.from'), render: (_, x) => x.from?.name ?? x.externalOrg },
    { key: 'to', title: t('transfers.col.to'), render: (_, x) => x.to?.name ?? x.externalOrg },
    { key: 'sentOn', title: t('transfers.col.sentOn'), dataIndex: 'sentOn', width: 110 },
    { key: 'state', title: t('transfers.col.state'), width: 200, render: (_, x) => <StateCell transfer={x} t={t} /> },
    { key: 'letterNo', title: t('transfers.col.letterNo'), dataIndex: 'letterNo', width: 150 },
    { key: 'actions', title: t('transfers.col.actions'), width: 200, fixed: 'right', render: (_, x) => <TransferRowActions transfer={x} onChanged={onChanged} /> },
  ];
  return (
    <Table<TransferView> data-testid={testId} rowKey="id" size="small" columns={columns} dataSource={items} scroll={{ x: showPerson ? 1200 : 1000 }} {...table} />
  );
}
