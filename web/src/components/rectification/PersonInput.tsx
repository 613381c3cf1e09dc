import { AutoComplete, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.js';
import type { MemberItem, MemberPage } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** A person on the ledger: someone on record (the id), or only a name (e.g. a cadre dispatched from a unit not on record here). */
export interface PersonValue { name: string; personId: string | null }

interface Props {
  /** Where to look for people on record: the village for a plan item, the township for the group. */
  org: string | undefined;
  value?: PersonValue | null;
  onChange?: (value: PersonValue | null) => void;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * A name that may be a person on record: typing searches the people of the organization (by name or
 * pinyin) and a pick keeps the person's id; whatever is typed stays as a plain name otherwise.
 */
export function PersonInput({ org, value, onChange, placeholder, disabled, 'data-testid': testId }: Props) {
  const { t } = useI18n();
  const [found, setFound] = useState<MemberItem[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => { clearTimeout(timer.current); abort.current?.abort(); }, []);
  const search = (q: string) => {
    clearTimeout(timer.current);
    abort.current?.abort();
    if (!org || !q.trim()) { setFound([]); return; }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      abort.current = controller;
      // A failed search leaves only the free name: the form still saves it.
      api.get<MemberPage>('/api/members', { org, q: q.trim(), pageSize: 20 }, { signal: controller.signal })
        .then((page) => setFound(page.items))
        .catch(() => { if (!controller.signal.aborted) setFound([]); });
    }, 250);
  };
  const options = found.map((m) => ({
    value: m.personId,
    label: (
      <span data-testid={`person-option-${m.name}`}>
        {m.name} <Tag color="green" style={{ marginInlineStart: 4 }}>{t('rectification.person.onRecord')}</Tag>
        <Typography.Text type="secondary">{m.orgName}</Typography.Text>
      </span>
    ),
  }));
  return (
    <Flex gap={4} align="center">
      <AutoComplete value={value?.name ?? ''} options={options} placeholder={placeholder ?? t('rectification.person.search')} disabled={disabled}
        style={{ minWidth: 180 }} data-testid={testId}
        onSearch={(q) => { onChange?.(q.trim() ? { name: q, personId: null } : null); search(q); }}
        onSelect={(id: string) => {
          const person = found.find((m) => m.personId === id);
          if (person) onChange?.({ name: person.name, personId: person.personId });
        }} />
      {value?.personId && <Tag color="green" style={{ margin: 0 }} data-testid={testId ? `${testId}-on-record` : undefined}>{t('rectification.person.onRecord')}</Tag>}
    </Flex>
  );
}
