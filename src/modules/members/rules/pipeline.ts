/**
 * The checks of the path to membership (rules.md §2.2, 中国共产党发展党员工作细则) on one person's
 * stage dates. Errors make a record impossible (a category its dates contradict, a date not yet
 * come); warnings are timing rules that a historical record may have broken and is kept with.
 * Shared by the import and the write path, so it knows nothing of either.
 */
import { t, type Lang, type MessageKey, type Params } from '../../../platform/i18n/index.js';
import { addMonths, fullYears } from '../../../platform/dates.js';

export const memberCategories = ['applicant', 'activist', 'development_target', 'probationary', 'full'] as const;
export type MemberCategory = (typeof memberCategories)[number];

export const memberCategoryLabels: Record<MemberCategory, { zh: string; en: string }> = {
  applicant: { zh: '入党申请人', en: 'applicant' },
  activist: { zh: '入党积极分子', en: 'activist' },
  development_target: { zh: '发展对象', en: 'development target' },
  probationary: { zh: '预备党员', en: 'probationary member' },
  full: { zh: '正式党员', en: 'full member' },
};

/** The date each stage is reached on, in stage order (the order of memberCategories). */
export const stageFields = ['appliedOn', 'activistOn', 'targetOn', 'joinedOn', 'fullOn'] as const;
export type StageField = (typeof stageFields)[number];
export type RecordField = 'birthDate' | StageField | 'probationExtensionMonths';

/** The stage dates of a membership, as the memberships table keeps them. */
export interface StageDates {
  category: MemberCategory;
  startedOn: string | null;
  appliedOn: string | null;
  activistOn: string | null;
  targetOn: string | null;
  joinedOn: string | null;
  fullOn: string | null;
}

const stageDate = {
  applicant: 'appliedOn', activist: 'activistOn', development_target: 'targetOn', probationary: 'joinedOn', full: 'fullOn',
} as const satisfies Record<MemberCategory, keyof StageDates>;

/**
 * The stage a membership had reached on `day`, counted as Party statistics count it
 * (members/statistics/query.ts): a stage without its date counts from the next recorded one, then
 * from the start of the relation; null when the membership had not begun any stage yet.
 */
export function stageOn(m: StageDates, day: string): MemberCategory | null {
  for (let i = memberCategories.indexOf(m.category); i >= 0; i--) {
    const since = memberCategories.slice(i).map((s) => m[stageDate[s]]).find((d) => d !== null) ?? m.startedOn ?? '0001-01-01';
    if (since <= day) return memberCategories[i]!;
  }
  return null;
}

export const recordFieldLabels: Record<RecordField, { zh: string; en: string }> = {
  birthDate: { zh: '出生日期', en: 'birth date' },
  appliedOn: { zh: '申请入党日期', en: 'application date' },
  activistOn: { zh: '确定为入党积极分子日期', en: 'date of becoming an activist' },
  targetOn: { zh: '确定为发展对象日期', en: 'date of becoming a development target' },
  joinedOn: { zh: '入党日期', en: 'admission date' },
  fullOn: { zh: '转正日期', en: 'full-membership date' },
  probationExtensionMonths: { zh: '预备期延长月数', en: 'probation extension' },
};

export interface StageRecord {
  category: MemberCategory;
  birthDate?: string | null;
  appliedOn?: string | null;
  activistOn?: string | null;
  targetOn?: string | null;
  joinedOn?: string | null;
  fullOn?: string | null;
  probationExtensionMonths?: number | null;
}

export type PipelineRule =
  | 'applicant_age' | 'date_order' | 'activist_year' | 'probation_length'
  | 'extension_range' | 'extension_once' | 'category_missing_date' | 'category_extra_date' | 'future_date';

export interface PipelineViolation {
  rule: PipelineRule;
  severity: 'error' | 'warning';
  /** The value to correct. */
  field: RecordField;
  /** The value it was compared with, where there is one. */
  other?: RecordField;
  params: Record<string, string | number>;
}

const MIN_AGE = 18;
/** Probation lasts a year; exported for queries that find probations ending. */
export const PROBATION_MONTHS = 12;
/** An activist is observed for a year before becoming a development target. */
export const ACTIVIST_MONTHS = 12;

/** The first day an activist of `activistOn` may become a development target: after a year of observation. */
export function targetEarliest(activistOn: string): string {
  return addMonths(activistOn, ACTIVIST_MONTHS);
}

/** The day probation ends: a year from admission, plus the months of an extension (only a valid one counts). */
export function probationEnds(joinedOn: string, extensionMonths: number | null | undefined): string {
  const months = extensionMonths ?? 0;
  return addMonths(joinedOn, PROBATION_MONTHS + (Number.isInteger(months) && months > 0 ? months : 0));
}

/** Every violation of the rules by a record as of a day (YYYY-MM-DD), in the order of the fields. */
export function checkPipeline(record: StageRecord, asOf: string): PipelineViolation[] {
  return [...futureDates(record, asOf), ...categoryConsistency(record), ...extension(record), ...timing(record)];
}

/** Probation may be extended once, by 6 to 12 whole months; `previousMonths` is an extension already granted. */
export function checkExtension(months: number, previousMonths: number | null): PipelineViolation[] {
  const found: PipelineViolation[] = [];
  if (previousMonths !== null) found.push({ rule: 'extension_once', severity: 'error', field: 'probationExtensionMonths', params: { months: previousMonths } });
  if (!Number.isInteger(months) || months < 6 || months > 12) {
    found.push({ rule: 'extension_range', severity: 'error', field: 'probationExtensionMonths', params: { months } });
  }
  return found;
}

/** The message for a violation: the rule it breaks and the values involved. */
export function describeViolation(violation: PipelineViolation, lang: Lang): string {
  const { key, params } = violationMessage(violation, lang);
  return t(lang, key, params);
}

/** The catalogue key and the parameters, in `lang`, of a violation's message (for errors rendered at the boundary). */
export function violationMessage(violation: PipelineViolation, lang: Lang): { key: MessageKey; params: Params } {
  return {
    key: `pipeline.${violation.rule}`,
    params: {
      ...violation.params,
      field: recordFieldLabels[violation.field][lang],
      ...(violation.other ? { other: recordFieldLabels[violation.other][lang] } : {}),
    },
  };
}

function futureDates(record: StageRecord, asOf: string): PipelineViolation[] {
  return (['birthDate', ...stageFields] as const)
    .filter((field) => record[field] && record[field] > asOf)
    .map((field) => ({ rule: 'future_date', severity: 'error', field, params: { date: record[field]!, asOf } }));
}

/**
 * A category needs the dates that define it and no date of a later stage. Earlier stages' dates
 * are not required: files of members admitted decades ago rarely record them.
 */
function categoryConsistency(record: StageRecord): PipelineViolation[] {
  const found: PipelineViolation[] = [];
  const category = memberCategoryLabels[record.category].zh;
  const reached = memberCategories.indexOf(record.category);
  const required: StageField[] = record.category === 'full' ? ['joinedOn', 'fullOn'] : record.category === 'probationary' ? ['joinedOn'] : [];
  for (const field of required) {
    if (!record[field]) found.push({ rule: 'category_missing_date', severity: 'error', field, params: { category } });
  }
  stageFields.forEach((field, stage) => {
    if (stage > reached && record[field]) found.push({ rule: 'category_extra_date', severity: 'error', field, params: { category, value: record[field] } });
  });
  if (record.probationExtensionMonths != null && reached < memberCategories.indexOf('probationary')) {
    found.push({ rule: 'category_extra_date', severity: 'error', field: 'probationExtensionMonths', params: { category, value: record.probationExtensionMonths } });
  }
  return found;
}

function extension(record: StageRecord): PipelineViolation[] {
  return record.probationExtensionMonths == null ? [] : checkExtension(record.probationExtensionMonths, null);
}

/**
 * Age at the first recorded stage (the application comes before every other), and the waiting
 * times between stages; a pair out of order is reported once, as such, and not timed.
 */
function timing(record: StageRecord): PipelineViolation[] {
  const found: PipelineViolation[] = [];
  const present = stageFields.filter((field) => record[field]);
  const first = present[0];
  if (record.birthDate && first) {
    const age = fullYears(record.birthDate, record[first]!);
    if (age < MIN_AGE) found.push({ rule: 'applicant_age', severity: 'warning', field: first, other: 'birthDate', params: { date: record[first]!, age } });
  }
  const inOrder = new Set<StageField>();
  present.slice(1).forEach((field, i) => {
    const before = present[i]!;
    if (record[field]! < record[before]!) {
      found.push({ rule: 'date_order', severity: 'warning', field, other: before, params: { date: record[field]!, otherDate: record[before]! } });
    } else inOrder.add(field);
  });
  const { activistOn, targetOn, joinedOn, fullOn } = record;
  if (activistOn && targetOn && inOrder.has('targetOn')) {
    const earliest = targetEarliest(activistOn);
    if (targetOn < earliest) found.push({ rule: 'activist_year', severity: 'warning', field: 'targetOn', other: 'activistOn', params: { date: targetOn, otherDate: activistOn, earliest } });
  }
  if (joinedOn && fullOn && inOrder.has('fullOn')) {
    const earliest = probationEnds(joinedOn, record.probationExtensionMonths);
    if (fullOn < earliest) found.push({ rule: 'probation_length', severity: 'warning', field: 'fullOn', other: 'joinedOn', params: { date: fullOn, otherDate: joinedOn, earliest } });
  }
  return found;
}
