import { Select } from 'antd';
import { useMemo } from 'react';
import { api } from '../../../api.js';
import type { OrgSummary } from '../../../contracts.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgMatches } from '../../../orgTree.js';
import { useApi } from '../../../useApi.js';
import type { TransferTarget } from './types.js';

interface Props {
  /** The member's own organization: shown, not chosen. */
  current: string | undefined;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

/** Any organization of the county that may receive a member, searchable as the organization pickers are. */
export function TargetPicker({ current, value, onChange, id }: Props) {
  const { t } = useI18n();
  const targets = useApi('targets', (signal) => api.get<{ items: TransferTarget[] }>('/api/member-transfers/targets', undefined, { signal }));
  const byCode = useMemo(() => new Map((targets.data?.items ?? []).map((o) => [o.code, o])), [targets.data]);
  const options = (targets.data?.items ?? []).map((o) => ({
    value: o.code, label: o.parentName ? `${o.name}（${o.parentName}）` : o.name, disabled: o.code === current,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={targets.loading}
      placeholder={t('transfers.field.pickTarget')}
      showSearch={{
        // orgMatches reads only the name, the pinyin and the code, which a target has.
        filterOption: (input, option) => {
          const org = byCode.get(String(option?.value));
          return org ? orgMatches(org as unknown as OrgSummary, input) : false;
        },
      }}
      style={{ width: '100%' }}
      data-testid="transfer-target"
      allowClear
    />
  );
}
