/**
 * The rules of each step on the path to membership (rules.md §2.2–2.3), as pure functions of where
 * a person stands. The timing rules on stage dates stay in rules/pipeline.ts and are applied here
 * to the record as the step would leave it, so the import and the steps judge dates alike.
 *
 * A violation is either a rule an approving committee may set aside with a written reason (a talk
 * held late, a vote short of its quorum because members abroad were left out of the count), or an
 * impossibility no reason cures (a date not yet come, a step the stage makes meaningless, a second
 * extension, an approval past the six-month limit).
 */
import { t, type Lang, type MessageKey, type Params } from '../../../platform/i18n/index.js';
import { addMonths } from '../../../platform/dates.js';
import {
  checkExtension, checkPipeline, memberCategoryLabels, probationEnds, targetEarliest, violationMessage,
  type MemberCategory, type PipelineRule, type PipelineViolation, type StageRecord,
} from '../rules/pipeline.js';
import { redoneAfterExtension, stepCodes, steps, type DetailField, type StepCode, type StepDetail } from './steps.js';

/** Where a person stands: the open membership's stage and dates, and the steps recorded on the path. */
export interface PathState extends StageRecord {
  steps: readonly { step: StepCode; doneOn: string }[];
}

export interface StepInput {
  step: StepCode;
  doneOn: string;
  detail?: StepDetail;
}

type OwnRule =
  | 'future_date' | 'step_stage' | 'step_once' | 'step_before_previous' | 'approval_expired'
  | 'step_missing' | 'talk_late' | 'training_short' | 'votes_quorum' | 'votes_majority' | 'approval_late';
export type AdmissionRule = OwnRule | PipelineRule;

export interface StepViolation {
  rule: AdmissionRule;
  /** Whether an approver may record the step anyway, with a reason. */
  overridable: boolean;
  /** The request field to correct ('doneOn', 'step', 'detail.months' …). */
  field: string;
  /** Dates and numbers as they are; step codes under `step`, `required` and `previous`, a stage under `category`. */
  params: Params;
  /** A rule of rules/pipeline.ts, kept whole for its own message. */
  pipeline?: PipelineViolation;
}

/** The talk comes within a month of the application; exported, like the next, for the to-do queries. */
export const TALK_MONTHS = 1;
/** The committee decides on a branch's resolution within three months. */
export const APPROVAL_MONTHS = 3;
const APPROVAL_LIMIT_MONTHS = 6;
const TRAINING_DAYS = 3;
const TRAINING_HOURS = 24;

/** Short names of the rules an approver may set aside, for the record of an override. */
export const overridableRuleLabels: Partial<Record<AdmissionRule, { zh: string; en: string }>> = {
  step_missing: { zh: '前一步骤未完成', en: 'an earlier step is missing' },
  talk_late: { zh: '申请后一个月内谈话', en: 'talk within a month of the application' },
  training_short: { zh: '集中培训不少于3天或24学时', en: 'training of at least 3 days or 24 hours' },
  votes_quorum: { zh: '到会党员超过应到会人数的半数', en: 'more than half of the members present' },
  votes_majority: { zh: '赞成票超过应到会党员的半数', en: 'votes in favour from more than half of the members' },
  approval_late: { zh: '三个月内审批', en: 'approval within three months' },
  applicant_age: { zh: '年满十八周岁', en: 'at least 18 years old' },
  activist_year: { zh: '入党积极分子培养一年以上', en: 'a year as activist' },
  probation_length: { zh: '预备期满', en: 'probation completed' },
};

/** How an override is stored: the rule, and for a missing step which one ('step_missing:talk'). */
export function overriddenCode(v: StepViolation): string {
  return v.rule === 'step_missing' ? `${v.rule}:${String(v.params.required)}` : v.rule;
}

/** The name of a stored override code, in `lang`. */
export function overriddenLabel(code: string, lang: Lang): string {
  const [rule, step] = code.split(':') as [AdmissionRule, StepCode | undefined];
  const label = overridableRuleLabels[rule]?.[lang] ?? rule;
  return step && step in steps ? `${label}${lang === 'zh' ? '：' : ': '}${steps[step][lang]}` : label;
}

/** The problems of a step's detail that no rule decides: a fact missing, a fact the step does not take, names twice, impossible votes. */
export type DetailProblem = { field: DetailField; problem: 'required' | 'length_required' | 'not_for_step' | 'duplicate_names' | 'votes_exceed' };

export function detailProblems(step: StepCode, detail: StepDetail = {}): DetailProblem[] {
  const takes = steps[step].detail;
  const given = (Object.keys(detail) as DetailField[]).filter((f) => detail[f] !== undefined);
  const found: DetailProblem[] = given.filter((f) => !takes.includes(f)).map((field) => ({ field, problem: 'not_for_step' as const }));
  if (step === 'training') {
    // Measured in days or in class hours, whichever the course used.
    if (detail.days === undefined && detail.hours === undefined) found.push({ field: 'days', problem: 'length_required' });
  } else {
    found.push(...takes.filter((f) => detail[f] === undefined).map((field) => ({ field, problem: 'required' as const })));
  }
  for (const field of ['mentors', 'sponsors'] as const) {
    const names = detail[field];
    if (takes.includes(field) && names && new Set(names).size !== names.length) found.push({ field, problem: 'duplicate_names' });
  }
  const { shouldAttend, present, yes } = detail;
  if (takes.includes('shouldAttend') && shouldAttend !== undefined) {
    if (present !== undefined && present > shouldAttend) found.push({ field: 'present', problem: 'votes_exceed' });
    if (yes !== undefined && yes > shouldAttend) found.push({ field: 'yes', problem: 'votes_exceed' });
  }
  return found;
}

/** Every rule recording `input` today would break; `[]` when it may be recorded. The detail is assumed free of `detailProblems`. */
export function checkStep(state: PathState, input: StepInput, today: string): StepViolation[] {
  const { step, doneOn } = input;
  const found: StepViolation[] = [];
  if (doneOn > today) found.push(impossible('future_date', 'doneOn', { step, date: doneOn, asOf: today }));
  if (!steps[step].during.includes(state.category)) {
    // Nothing else can be said of a step out of its stage.
    found.push(impossible('step_stage', 'step', { step, category: state.category }));
    return found;
  }
  if (step === 'extension') {
    // checkExtension also sees an extension recorded before the platform, which has no step.
    found.push(...checkExtension(input.detail?.months ?? Number.NaN, state.probationExtensionMonths ?? null)
      .map((v) => ({ rule: v.rule, overridable: false, field: 'detail.months', params: v.params, pipeline: v })));
  } else if (steps[step].once) {
    const done = latestRecorded(state, step);
    if (done) found.push(impossible('step_once', 'step', { step, date: done }));
  }
  const previous = previousStep(state, step);
  if (previous && doneOn < previous.date) found.push(impossible('step_before_previous', 'doneOn', { step, date: doneOn, previous: previous.step, previousDate: previous.date }));
  found.push(...stepRules(state, input));
  for (const required of steps[step].requires) {
    if (!latestDate(state, required)) found.push({ rule: 'step_missing', overridable: true, field: 'step', params: { step, required } });
  }
  found.push(...newPipelineViolations(state, input, today));
  return found;
}

/** The rules of the application that starts a path: dates not yet come, and the applicant's age. */
export function checkApplication(person: { birthDate: string; appliedOn: string }, today: string): StepViolation[] {
  return checkPipeline({ category: 'applicant', ...person }, today).map((v) => ({
    rule: v.rule, overridable: v.severity === 'warning', field: v.field, params: v.params, pipeline: v,
  }));
}

function impossible(rule: OwnRule, field: string, params: Params): StepViolation {
  return { rule, overridable: false, field, params };
}

/** The rules that belong to one kind of step. */
function stepRules(state: PathState, { step, doneOn, detail = {} }: StepInput): StepViolation[] {
  const found: StepViolation[] = [];
  const rule = (r: OwnRule, field: string, params: Params) => found.push({ rule: r, overridable: true, field, params });
  if (step === 'talk' && state.appliedOn) {
    const latest = addMonths(state.appliedOn, TALK_MONTHS);
    if (doneOn > latest) rule('talk_late', 'doneOn', { appliedOn: state.appliedOn, latest, date: doneOn });
  }
  if (step === 'training' && !((detail.days ?? 0) >= TRAINING_DAYS || (detail.hours ?? 0) >= TRAINING_HOURS)) {
    rule('training_short', detail.days === undefined ? 'detail.hours' : 'detail.days', { days: detail.days ?? 0, hours: detail.hours ?? 0 });
  }
  if ((step === 'branch_admission' || step === 'branch_full') && detail.shouldAttend !== undefined) {
    const { shouldAttend, present = 0, yes = 0 } = detail;
    // 支部工作条例: more than half of the members with a vote present, and in favour more than half of those who should attend.
    if (present * 2 <= shouldAttend) rule('votes_quorum', 'detail.present', { shouldAttend, present });
    if (yes * 2 <= shouldAttend) rule('votes_majority', 'detail.yes', { shouldAttend, yes });
  }
  const resolution = step === 'admission_approval' ? 'branch_admission' : step === 'full_approval' ? 'branch_full' : undefined;
  const resolvedOn = resolution && latestRecorded(state, resolution);
  if (resolvedOn) {
    const latest = addMonths(resolvedOn, APPROVAL_MONTHS);
    const limit = addMonths(resolvedOn, APPROVAL_LIMIT_MONTHS);
    // The six-month limit is the admission's (细则): past it the branch must resolve again.
    if (step === 'admission_approval' && doneOn > limit) found.push(impossible('approval_expired', 'doneOn', { resolvedOn, latest: limit, date: doneOn }));
    else if (doneOn > latest) rule('approval_late', 'doneOn', { resolvedOn, latest, date: doneOn });
  }
  return found;
}

/**
 * The pipeline's rules that the record as the step leaves it breaks and the record before did not.
 * Order and future dates are left to the step's own checks, extensions to checkExtension.
 */
function newPipelineViolations(state: PathState, input: StepInput, today: string): StepViolation[] {
  const skipped = new Set<PipelineRule>(['date_order', 'future_date', 'extension_range', 'extension_once']);
  const key = (v: PipelineViolation) => `${v.rule}:${v.field}`;
  const before = new Set(checkPipeline(state, today).map(key));
  const { endedOn: _ended, endReason: _reason, ...stages } = stepEffect(state, input);
  return checkPipeline({ ...state, ...stages }, today)
    .filter((v) => !skipped.has(v.rule) && !before.has(key(v)))
    .map((v) => ({ rule: v.rule, overridable: v.severity === 'warning', field: 'doneOn', params: v.params, pipeline: v }));
}

/** What recording a step changes on the open membership. */
export interface StepEffect {
  category?: MemberCategory;
  activistOn?: string;
  targetOn?: string;
  joinedOn?: string;
  fullOn?: string;
  probationExtensionMonths?: number;
  endedOn?: string;
  endReason?: 'probation_cancelled';
}

export function stepEffect(state: PathState, { step, doneOn, detail }: StepInput): StepEffect {
  switch (step) {
    case 'activist':
      return { category: 'activist', activistOn: doneOn };
    case 'development_target':
      return { category: 'development_target', targetOn: doneOn };
    case 'admission_approval':
      // Membership counts from the branch meeting's resolution, subject to the approval (党员教育管理工作条例).
      return { category: 'probationary', joinedOn: latestRecorded(state, 'branch_admission') ?? doneOn };
    case 'full_approval': {
      // 党章 Art. 7: seniority counts from the day probation ends, however late the approval comes.
      const ends = state.joinedOn ? probationEnds(state.joinedOn, state.probationExtensionMonths) : doneOn;
      return { category: 'full', fullOn: doneOn >= ends ? ends : doneOn };
    }
    case 'extension':
      return { probationExtensionMonths: detail?.months };
    case 'probation_cancelled':
      return { endedOn: doneOn, endReason: 'probation_cancelled' };
    default:
      return {};
  }
}

/** A step that may be taken next, with the window the rules give it and what it still lacks. */
export interface NextStep {
  step: StepCode;
  earliest: string | null;
  latest: string | null;
  overdue: boolean;
  missing: StepCode[];
  approval: boolean;
}

/** The steps that make sense in the person's stage today, in the order of the path. */
export function nextSteps(state: PathState, today: string): NextStep[] {
  return stepCodes
    .filter((step) => steps[step].during.includes(state.category))
    .filter((step) => (step === 'extension' ? state.probationExtensionMonths == null : !(steps[step].once && latestRecorded(state, step))))
    .map((step) => {
      const earliest = [previousStep(state, step)?.date, ruleEarliest(state, step)].filter((d): d is string => !!d).sort().at(-1) ?? null;
      const latest = ruleLatest(state, step);
      return {
        step, earliest, latest, overdue: latest !== null && today > latest,
        missing: steps[step].requires.filter((r) => !latestDate(state, r)), approval: steps[step].approval,
      };
    });
}

function ruleEarliest(state: PathState, step: StepCode): string | null {
  if (step === 'development_target' && state.activistOn) return targetEarliest(state.activistOn);
  if (step === 'full_approval' && state.joinedOn) return probationEnds(state.joinedOn, state.probationExtensionMonths);
  return null;
}

function ruleLatest(state: PathState, step: StepCode): string | null {
  if (step === 'talk' && state.appliedOn) return addMonths(state.appliedOn, TALK_MONTHS);
  if (step === 'branch_full' && state.joinedOn) return probationEnds(state.joinedOn, state.probationExtensionMonths);
  const resolution = step === 'admission_approval' ? 'branch_admission' : step === 'full_approval' ? 'branch_full' : undefined;
  const resolvedOn = resolution && latestRecorded(state, resolution);
  return resolvedOn ? addMonths(resolvedOn, APPROVAL_MONTHS) : null;
}

/** Steps that still count: the discussion of full membership is redone after an extension. */
function current(state: PathState) {
  const extendedOn = state.steps.filter((s) => s.step === 'extension').map((s) => s.doneOn).sort().at(-1);
  return extendedOn ? state.steps.filter((s) => !(redoneAfterExtension.includes(s.step) && s.doneOn < extendedOn)) : state.steps;
}

function latestRecorded(state: PathState, step: StepCode): string | undefined {
  return current(state).filter((s) => s.step === step).map((s) => s.doneOn).sort().at(-1);
}

/** When a step was taken: its latest record, or for a stage-moving step of an older record, the stage date. */
function latestDate(state: PathState, step: StepCode): string | undefined {
  const moves = steps[step].moves;
  return latestRecorded(state, step) ?? (moves ? state[moves.date] ?? undefined : undefined);
}

/** The latest of what a step follows: the step that opened the stage, the steps it requires, an extension it must follow. */
function previousStep(state: PathState, step: StepCode): { step: StepCode; date: string } | undefined {
  const opening = stepCodes.filter((s) => steps[s].moves?.to === state.category);
  const follows = [...opening, ...steps[step].requires];
  if (redoneAfterExtension.includes(step) || steps[step].requires.some((r) => redoneAfterExtension.includes(r))) follows.push('extension');
  return follows
    .map((s) => ({ step: s, date: latestDate(state, s) }))
    .filter((c): c is { step: StepCode; date: string } => c.date !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
}

/** The catalogue key and parameters, in `lang`, of a violation's message. */
export function stepViolationMessage(v: StepViolation, lang: Lang): { key: MessageKey; params: Params } {
  if (v.pipeline) return violationMessage(v.pipeline, lang);
  const params: Params = { ...v.params };
  for (const name of ['step', 'required', 'previous'] as const) {
    const code = v.params[name];
    if (code !== undefined) params[name] = steps[code as StepCode][lang];
  }
  if (v.params.category !== undefined) params.category = memberCategoryLabels[v.params.category as MemberCategory][lang];
  return { key: `admission.rule.${v.rule as OwnRule}`, params };
}

export function describeStepViolation(v: StepViolation, lang: Lang): string {
  const { key, params } = stepViolationMessage(v, lang);
  return t(lang, key, params);
}
