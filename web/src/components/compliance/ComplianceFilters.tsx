import { DatePicker, Flex, Form, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { CadenceRuleView, OrgSummary } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { spanOf, spans, spanDays, type Days, type Span } from './span.js';

export interface ComplianceParams extends Days {
  rule: string;
  org: string;
}

interface Props {
  rules: CadenceRuleView[];
  index: OrgIndex | undefined;
  value: ComplianceParams;
  onChange: (next: Partial<ComplianceParams>) => void;
}

const anyOrg = (_org: OrgSummary) => false;
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/** Which rule, over which subtree, in which span (a quick choice or any two days). */
export function ComplianceFilters({ rules, index, value, onChange }: Props) {
  const { t } = useI18n();
  const today = chinaToday();
  const span = spanOf(value, today);
  const shown = { from: value.from ?? `${today.slice(0, 4)}-01-01`, to: value.to ?? today };

  return (
    <Form layout="vertical" component="div">
      <Flex wrap gap="0 12px">
        <Form.Item label={t('compliance.rule')} style={{ flex: '2 1 320px', marginBottom: 8 }}>
          <Select data-testid="compliance-rule" value={value.rule || undefined} onChange={(rule: string) => onChange({ rule })}
            options={rules.map((r) => ({ value: r.id, label: r.label }))} popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item label={t('compliance.org')} style={{ flex: '1 1 240px', marginBottom: 8 }}>
          <OrgPicker index={index ?? emptyIndex} isDisabled={anyOrg} value={value.org || undefined} onChange={(org) => org && onChange({ org })} id="compliance-org" />
        </Form.Item>
        <Form.Item label={t('compliance.span')} style={{ flex: '1 1 460px', marginBottom: 8 }}>
          <Flex wrap gap={8}>
            <Radio.Group optionType="button" value={span} onChange={(e) => onChange({ from: undefined, to: undefined, ...spanDays(e.target.value as Span, today) })}
              options={spans.map((s) => ({ value: s, label: <span data-testid={`compliance-span-${s}`}>{t(`compliance.span.${s}`)}</span> }))} />
            <DatePicker.RangePicker data-testid="compliance-days" allowClear={false} value={[dayjs(shown.from), dayjs(shown.to)]}
              onChange={(days) => days?.[0] && days[1] && onChange({ from: days[0].format('YYYY-MM-DD'), to: days[1].format('YYYY-MM-DD') })} />
          </Flex>
        </Form.Item>
      </Flex>
    </Form>
  );
}
