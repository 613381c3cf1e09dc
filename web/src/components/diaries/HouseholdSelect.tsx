import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { HouseholdChoices } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { useDebounced } from '../../useDebounced.js';

interface Props {
  /** The village whose households are offered; none: nothing to pick yet. */
  orgCode?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The household already chosen, shown by name before the list arrives. */
  current?: { id: string; headName: string } | null;
  id?: string;
}

export const householdLabel = (h: { headName: string; number?: string | null; villagerGroup?: string | null }) =>
  [h.headName, h.villagerGroup, h.number].filter(Boolean).join(' · ');

/** A village's household found by the head's name or the household number, as the user types. */
export function HouseholdSelect({ orgCode, value, onChange, current, id }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const found = useApi(orgCode ? `${orgCode}|${q}` : null, (signal) =>
    api.get<HouseholdChoices>('/api/households/choices', { org: orgCode, q }, { signal }));
  const options = (found.data?.items ?? []).map((h) => ({ value: h.id, label: householdLabel(h) }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.headName });
  return (
    <Select id={id} allowClear showSearch={{ filterOption: false, onSearch: setTyped }} value={value} onChange={(v) => onChange?.(v ?? undefined)}
      options={options} loading={found.loading} disabled={!orgCode} placeholder={t(orgCode ? 'diaries.form.householdSearch' : 'diaries.form.pickVillageFirst')}
      notFoundContent={t('diaries.form.noHousehold')} data-testid={id} />
  );
}
