import { Empty, Timeline, Typography } from 'antd';
import type { OrgEvent } from '../../contracts.js';
import { orgTypeLabel, unitTypeLabel } from '../../format.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { OrgType } from '../../../../src/modules/organizations/rules.js';

const eventColors: Record<OrgEvent['kind'], string> = {
  created: 'green', renamed: 'blue', moved: 'blue', merged: 'gray', absorbed: 'green', dissolved: 'red', updated: 'blue',
};

const fieldKeys: Record<string, MessageKey> = {
  name: 'org.field.name',
  type: 'org.field.type',
  unitType: 'org.field.unitType',
  divisionCode: 'org.field.divisionCode',
};

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value));

function fieldValue(field: string, value: unknown, lang: Lang, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (field === 'type') return orgTypeLabel(value as OrgType, lang);
  if (field === 'unitType') return unitTypeLabel(String(value), lang);
  return text(value);
}

/** One line per event, in words; codes are shown as names where the org is known. */
function describe(event: OrgEvent, nameOf: (code: string) => string, lang: Lang, t: Translate): string[] {
  const d = event.details;
  switch (event.kind) {
    case 'created': {
      const type = d.type ? orgTypeLabel(d.type as OrgType, lang, true) : '';
      return [d.parentCode ? t('org.detail.created', { type, parent: nameOf(text(d.parentCode)) }) : t('org.detail.createdRoot', { type })];
    }
    case 'renamed':
      return [t('org.detail.renamed', { from: text(d.from), to: text(d.to) })];
    case 'moved':
      return [t('org.detail.moved', { from: nameOf(text(d.fromCode)), to: nameOf(text(d.toCode)) })];
    case 'merged': {
      const lines = [t('org.detail.merged', { into: text(d.intoName) || nameOf(text(d.intoCode)) })];
      const children = Array.isArray(d.children) ? d.children.map((c) => nameOf(text(c))) : [];
      if (children.length) lines.push(t('org.detail.mergedChildren', { children: children.join(lang === 'zh' ? '、' : ', ') }));
      return lines;
    }
    case 'absorbed':
      return [t('org.detail.absorbed', { from: text(d.fromName) || nameOf(text(d.fromCode)) })];
    case 'updated': {
      const from = (d.from ?? {}) as Record<string, unknown>;
      const to = (d.to ?? {}) as Record<string, unknown>;
      return Object.keys(to).map((field) => t('org.detail.change', {
        field: fieldKeys[field] ? t(fieldKeys[field]) : field,
        from: fieldValue(field, from[field], lang, t),
        to: fieldValue(field, to[field], lang, t),
      }));
    }
    case 'dissolved':
      return [];
  }
}

export function OrgHistory({ events, nameOf }: { events: OrgEvent[]; nameOf: (code: string) => string }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noHistory')} />;
  return (
    <Timeline
      data-testid="org-history"
      items={events.map((event, i) => ({
        key: `${event.effectiveOn}-${event.kind}-${i}`,
        color: eventColors[event.kind],
        content: (
          <div>
            <Typography.Text type="secondary">{event.effectiveOn}</Typography.Text>{' '}
            <Typography.Text strong>{t(`org.event.${event.kind}`)}</Typography.Text>
            {describe(event, nameOf, lang, t).map((line) => <div key={line}>{line}</div>)}
            {event.note && <Typography.Text type="secondary">{t('org.detail.note', { note: event.note })}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
