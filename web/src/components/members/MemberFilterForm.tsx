import { Button, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { educationLevelLabels, educationLevels } from '../../../../src/modules/members/rules/education.js';
import { ethnicities } from '../../../../src/modules/members/rules/ethnicity.js';
import { memberCategories } from '../../../../src/modules/members/rules/pipeline.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';
import type { FilterValues } from './filters.js';
import { categoryLabel } from './labels.js';

interface Props {
  initial: FilterValues;
  /** The organizations in the user's scope, for the picker; undefined while they load. */
  index: OrgIndex | undefined;
  onApply: (values: FilterValues) => void;
  onReset: () => void;
  /** Actions shown beside the search buttons (the export). */
  extra?: ReactNode;
  /** Phones: the filters past the first three wait behind "more filters". */
  compact: boolean;
}

const never = () => false;

export function MemberFilterForm({ initial, index, onApply, onReset, extra, compact }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const narrowed = initial.gender ?? initial.ageMin ?? initial.ageMax ?? initial.education ?? initial.ethnicity ?? initial.mobile;
  const [expanded, setExpanded] = useState(false);
  // A filter in use stays in sight; hidden fields would keep their values anyway.
  const more = !compact || expanded || narrowed !== undefined;

  return (
    <Form<FilterValues> form={form} layout="inline" initialValues={initial} onFinish={onApply} style={{ rowGap: 8 }} data-testid="member-filters">
      <Form.Item label={t('memberList.org')} style={compact ? { width: '100%' } : undefined}>
        {/* The picker takes its box's width; inline, the box would grow to its long placeholder. */}
        <div style={{ width: compact ? '100%' : 280 }}>
          <Form.Item name="org" noStyle>
            {index ? <OrgPicker index={index} isDisabled={never} /> : <Select loading disabled />}
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item name="q" style={compact ? { width: '100%' } : undefined}>
        <Input.Search allowClear placeholder={t('memberList.search')} style={{ width: compact ? '100%' : 260 }} onSearch={() => form.submit()} data-testid="member-search" />
      </Form.Item>
      <Form.Item name="category" label={t('memberList.category')}>
        <Select mode="multiple" allowClear placeholder={t('memberList.categoryDefault')} style={{ minWidth: 200 }} data-testid="member-category"
          options={memberCategories.map((c) => ({ value: c, label: categoryLabel(c, lang) }))} />
      </Form.Item>
      {more && (
        <>
          <Form.Item name="gender" label={t('memberList.gender')}>
            <Select allowClear style={{ width: 90 }} data-testid="member-gender"
              options={(['1', '2'] as const).map((g) => ({ value: g, label: t(`memberList.gender.${g}`) }))} />
          </Form.Item>
          <Form.Item label={t('memberList.age')}>
            <Space.Compact>
              <Form.Item name="ageMin" noStyle>
                <InputNumber min={0} max={150} precision={0} placeholder={t('memberList.ageMin')} style={{ width: 80 }} data-testid="member-age-min" />
              </Form.Item>
              <Form.Item name="ageMax" noStyle>
                <InputNumber min={0} max={150} precision={0} placeholder={t('memberList.ageMax')} style={{ width: 80 }} data-testid="member-age-max" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="education" label={t('memberList.education')}>
            <Select mode="multiple" allowClear style={{ minWidth: 160 }}
              options={educationLevels.map((l) => ({ value: l, label: educationLevelLabels[l][lang] }))} />
          </Form.Item>
          <Form.Item name="ethnicity" label={t('memberList.ethnicity')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }}
              options={[{ value: 'minority', label: t('memberList.minority') }, ...ethnicities.map((e) => ({ value: e.code, label: e[lang] }))]} />
          </Form.Item>
          <Form.Item name="mobile" label={t('memberList.mobile')}>
            <Select allowClear style={{ width: 90 }}
              options={[{ value: 'true', label: t('memberList.yes') }, { value: 'false', label: t('memberList.no') }]} />
          </Form.Item>
        </>
      )}
      <Form.Item style={compact ? { width: '100%' } : undefined}>
        <Flex wrap gap={8}>
          <Button type="primary" htmlType="submit" data-testid="member-filter-apply">{t('common.search')}</Button>
          <Button onClick={onReset}>{t('common.reset')}</Button>
          {!more && <Button type="link" onClick={() => setExpanded(true)}>{t('memberList.more')}</Button>}
          {extra}
        </Flex>
      </Form.Item>
    </Form>
  );
}
