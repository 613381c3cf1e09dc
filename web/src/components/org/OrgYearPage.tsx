import { Card, DatePicker, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import type { OrgSummary } from '../../contracts.js';
import { type OrgIndex } from '../../orgTree.js';
import { OrgPicker } from './OrgPicker.js';

const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/**
 * The organization and year a yearly page shows (appraisal, commitments), kept in the address by the
 * page: the current year is left out of it so a bookmarked page follows the calendar.
 */
export function OrgYearFilter({ index, isDisabled, org, year, thisYear, labels, testId, onOrg, onYear }: {
  index: OrgIndex | undefined;
  isDisabled: (org: OrgSummary) => boolean;
  org: string;
  year: number;
  thisYear: number;
  labels: { org: string; year: string };
  /** Prefix of the controls' ids and test ids ('appraisal' → 'appraisal-org', 'appraisal-year'). */
  testId: string;
  onOrg: (code: string) => void;
  onYear: (year: string | undefined) => void;
}) {
  return (
    <Card size="small">
      <Form layout="vertical" component="div">
        <Flex wrap gap="0 12px">
          <Form.Item label={labels.org} style={{ flex: '2 1 260px', marginBottom: 8 }}>
            <OrgPicker index={index ?? emptyIndex} isDisabled={isDisabled} value={org || undefined} onChange={onOrg} id={`${testId}-org`} />
          </Form.Item>
          <Form.Item label={labels.year} style={{ flex: '1 1 140px', marginBottom: 8 }}>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} style={{ width: '100%' }} data-testid={`${testId}-year`}
              onChange={(d) => d && onYear(d.year() === thisYear ? undefined : String(d.year()))} />
          </Form.Item>
        </Flex>
      </Form>
    </Card>
  );
}
