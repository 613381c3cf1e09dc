/** The cadence rules in force in a county: the national defaults, as the county changed them, and its own. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { meetingKindLabels, type MeetingKind } from '../meetings/kinds.js';
import { nationalRules, subjectLabels, type CadenceRule, type SubjectType } from './catalogue.js';
import type { CadenceRuleView } from './contracts.js';
import { cadenceRules } from './schema.js';

type Row = typeof cadenceRules.$inferSelect;

const fromRow = (row: Row): CadenceRule => ({
  id: row.id, eventKind: row.eventKind, subjectType: row.subjectType as SubjectType, period: row.period as CadenceRule['period'],
  min: row.min, dueFromMonth: row.dueFromMonth, label: row.label, source: nationalRules.some((r) => r.id === row.id) ? 'national' : 'local',
});

/** National rules in their order, each replaced by the county's version if it has one, then the county's own; switched-off ones left out. */
export function mergeRules(rows: Row[]): (CadenceRule & { changed: boolean })[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const national = nationalRules.map((rule) => {
    const own = byId.get(rule.id);
    return own ? { ...fromRow(own), changed: true, enabled: own.enabled } : { ...rule, changed: false, enabled: true };
  });
  const local = rows.filter((r) => !nationalRules.some((n) => n.id === r.id)).sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => ({ ...fromRow(r), changed: false, enabled: r.enabled }));
  return [...national, ...local].filter((r) => r.enabled).map(({ enabled: _enabled, ...rule }) => rule);
}

export async function rulesInForce(db: Db, countyId: string): Promise<(CadenceRule & { changed: boolean })[]> {
  return mergeRules(await db.select().from(cadenceRules).where(eq(cadenceRules.countyId, countyId)));
}

const periodWords = {
  week: { zh: '每周', en: 'a week' }, month: { zh: '每月', en: 'a month' }, quarter: { zh: '每季度', en: 'a quarter' }, year: { zh: '每年', en: 'a year' },
} as const;

export function eventLabel(eventKind: string, lang: 'zh' | 'en'): string {
  return meetingKindLabels[eventKind as MeetingKind]?.[lang] ?? eventKind;
}

/** 每月至少召开 1 次支委会（各党支部）; at least 1 committee meeting a month (each of the branches). */
export function describeRule(rule: CadenceRule, lang: 'zh' | 'en'): string {
  const event = eventLabel(rule.eventKind, lang);
  const window = rule.dueFromMonth ? (lang === 'zh' ? `，一般在${rule.dueFromMonth}月后` : `, normally from month ${rule.dueFromMonth}`) : '';
  const text = lang === 'zh'
    ? `${periodWords[rule.period].zh}至少 ${rule.min} 次${event}（各${subjectLabels[rule.subjectType].zh}）${window}`
    : `At least ${rule.min} × ${event} ${periodWords[rule.period].en} (each of the ${subjectLabels[rule.subjectType].en})${window}`;
  return rule.label ? `${rule.label}${lang === 'zh' ? '：' : ': '}${text}` : text;
}

export function ruleView(rule: CadenceRule & { changed: boolean }, lang: 'zh' | 'en'): CadenceRuleView {
  const { label: name, ...rest } = rule;
  return { ...rest, name, label: describeRule(rule, lang) };
}
