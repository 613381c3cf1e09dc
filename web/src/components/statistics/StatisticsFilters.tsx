import { DatePicker, Flex, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { parseAgeEdges } from '../../../../src/modules/members/statistics/rules.js';
import type { OrgSummary } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';

export interface StatisticsParams {
  org: string;
  asOf: string;
  ageBands: string;
}

interface Props {
  index: OrgIndex | undefined;
  value: StatisticsParams;
  /** A server refusal of the age bands, shown under the field. */
  ageBandsError?: string;
  onChange: (next: Partial<StatisticsParams>) => void;
}

const anyOrg = (_org: OrgSummary) => false;

/** Which subtree, as of which day, in which age bands. */
export function StatisticsFilters({ index, value, ageBandsError, onChange }: Props) {
  const { t } = useI18n();
  const [bands, setBands] = useState(value.ageBands);
  const [bandsInvalid, setBandsInvalid] = useState(false);
  useEffect(() => setBands(value.ageBands), [value.ageBands]);

  const applyBands = () => {
    const edges = parseAgeEdges(bands);
    setBandsInvalid(edges === null);
    if (edges && edges.join(',') !== value.ageBands) onChange({ ageBands: edges.join(',') });
  };
  const bandsProblem = bandsInvalid ? t('stats.badAgeBands') : ageBandsError;
  const today = chinaToday();

  return (
    <Form layout="vertical" component="div">
      <Flex wrap gap="0 12px">
        <Form.Item label={t('stats.org')} style={{ flex: '1 1 260px', marginBottom: 8 }}>
          {/* Until the tree arrives the picker shows the code it was given. */}
          <OrgPicker index={index ?? emptyIndex} isDisabled={anyOrg} value={value.org || undefined} onChange={(org) => org && onChange({ org })} id="stats-org" />
        </Form.Item>
        <Form.Item label={t('stats.asOf')} style={{ flex: '0 1 170px', marginBottom: 8 }}>
          <DatePicker
            data-testid="stats-as-of"
            style={{ width: '100%' }}
            allowClear={false}
            value={dayjs(value.asOf)}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(d) => d && onChange({ asOf: d.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        <Form.Item
          label={t('stats.ageBands')}
          tooltip={t('stats.ageBandsHint')}
          validateStatus={bandsProblem ? 'error' : undefined}
          help={bandsProblem}
          style={{ flex: '1 1 220px', marginBottom: 8 }}
        >
          <Input
            data-testid="stats-age-bands"
            value={bands}
            placeholder={t('stats.ageBandsHint')}
            onChange={(e) => setBands(e.target.value)}
            onPressEnter={applyBands}
            onBlur={applyBands}
          />
        </Form.Item>
      </Flex>
    </Form>
  );
}

const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
