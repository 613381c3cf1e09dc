import { Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { RectificationAccountability, RectificationBoard, RectificationSummary } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dayLabel } from '../screening/format.js';
import { Accountability } from './Accountability.js';
import { stateColors, states } from './format.js';

interface Props {
  board: RectificationBoard;
  summary: RectificationSummary | null;
  accountability: RectificationAccountability | null;
  state: string | undefined;
  township: string | undefined;
  onFilter: (f: { state?: string | undefined; township?: string | undefined }) => void;
  onOpen: (id: string) => void;
}

/** 整顿台账: the year's figures, the accountability events (chart and list), and the cases with their flags. */
export function Board({ board, summary, accountability, state, township, onFilter, onOpen }: Props) {
  const { t, lang } = useI18n();
  const towns = [...new Map(board.cases.flatMap((c) => (c.township ? [[c.township.code, c.township.name] as const] : []))).entries()];
  const rows = board.cases.filter((c) => !township || c.township?.code === township);
  const figures = summary ? ([
    ['rectification.screened', summary.screened], ['rectification.defined', summary.defined], ['rectification.rectifying', summary.rectifying],
    ['rectification.accepted', summary.accepted], ['rectification.failedAcceptance', summary.failedAcceptance], ['rectification.inWatch', summary.inWatch],
    ['rectification.closed', summary.closed], ['rectification.rebounds', summary.rebounds],
  ] as const) : [];
  return (
    <Flex vertical gap={12}>
      {summary && (
        <Row gutter={[8, 8]} data-testid="rectification-summary">
          {figures.map(([key, value]) => <Col key={key} xs={12} md={3}><Card size="small"><Statistic title={t(key)} value={value} /></Card></Col>)}
        </Row>
      )}
      {accountability && (accountability.events.length > 0 || township) && (
        <Accountability accountability={accountability} township={township} onTownship={(code) => onFilter({ township: code })} onOpen={onOpen} />
      )}
      <Flex gap={8} wrap>
        <Select allowClear style={{ minWidth: 160 }} placeholder={t('rectification.allStates')} value={state} onChange={(v: string | undefined) => onFilter({ state: v })} data-testid="rectification-state-filter"
          options={states.map((s) => ({ value: s, label: `${t(`rectification.state.${s}`)}（${board.states[s] ?? 0}）` }))} />
        <Select allowClear style={{ minWidth: 160 }} placeholder={t('rectification.allTownships')} value={township} onChange={(v: string | undefined) => onFilter({ township: v })}
          options={towns.map(([code, name]) => ({ value: code, label: name }))} />
      </Flex>
      <Table size="small" rowKey="id" dataSource={rows} pagination={false} locale={{ emptyText: t('rectification.empty') }} data-testid="rectification-board"
        onRow={(c) => ({ onClick: () => onOpen(c.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('rectification.org'), render: (_, c) => <Typography.Link data-testid={`case-${c.org.code}`}>{c.org.name}</Typography.Link> },
          { title: t('rectification.township'), render: (_, c) => c.township?.name ?? '' },
          { title: t('rectification.state'), render: (_, c) => <Tag color={stateColors[c.state]}>{t(`rectification.state.${c.state}`)}</Tag> },
          { title: t('rectification.categories'), render: (_, c) => c.categories.map((x) => <Tag key={x}>{t(`rectification.category.${x as 'soft'}`)}</Tag>) },
          { title: t('rectification.departments'), render: (_, c) => c.departments.join('、') },
          { title: t('rectification.deadline'), render: (_, c) => <Typography.Text type={c.overdue ? 'danger' : undefined}>{dayLabel(c.deadline, lang)}{c.overdue ? ` ${t('rectification.overdue')}` : ''}</Typography.Text> },
          { title: t('rectification.lastReport'), render: (_, c) => dayLabel(c.lastReportOn, lang) },
          { title: t('rectification.missed'), render: (_, c) => (c.missedReports > 0 ? <Typography.Text type="danger">{c.missedReports}</Typography.Text> : 0) },
          { title: t('rectification.overdueItems'), render: (_, c) => (c.overdueItems > 0 ? <Typography.Text type="danger">{c.overdueItems}</Typography.Text> : 0) },
        ]} />
    </Flex>
  );
}
