import { Col, Flex, Row } from 'antd';
import type { ComplianceView } from '../../contracts.js';
import { ComplianceMatrix } from './ComplianceMatrix.js';
import { RollupTable } from './RollupTable.js';
import { SummaryChart } from './SummaryChart.js';

interface Props {
  view: ComplianceView;
  pendingOnly: boolean;
  onPendingOnly: (value: boolean) => void;
  onPickOrg: (code: string) => void;
}

/** One rule over one subtree: the periods charted, the children compared, every subject's cells. */
export function ComplianceOverview({ view, pendingOnly, onPendingOnly, onPickOrg }: Props) {
  // A branch viewed alone rolls up into itself: nothing to compare.
  const children = view.rollup.some((r) => r.code !== view.org.code);
  return (
    <Flex vertical gap={12} data-testid="compliance-view" data-org={view.org.code} data-rule={view.rule.id} data-periods={view.periods.length}>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={children ? 12 : 24}><SummaryChart view={view} /></Col>
        {children && <Col xs={24} xl={12}><RollupTable items={view.rollup} self={view.org.code} onPick={onPickOrg} /></Col>}
      </Row>
      <ComplianceMatrix view={view} pendingOnly={pendingOnly} onPendingOnly={onPendingOnly} />
    </Flex>
  );
}
