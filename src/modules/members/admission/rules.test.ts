import { describe, expect, it } from 'vitest';
import { memberCategories, type MemberCategory } from '../rules/pipeline.js';
import {
  checkApplication, checkStep, describeStepViolation, detailProblems, nextSteps, overridableRuleLabels, overriddenCode, overriddenLabel, stepEffect,
  type PathState, type StepInput, type StepViolation,
} from './rules.js';
import { stepCodes, steps, type StepCode, type StepDetail } from './steps.js';

const TODAY = '2026-09-30';
const votes = { shouldAttend: 10, present: 8, yes: 8 };

/** One person's path kept by the book, every step in time. */
const journey: [StepCode, string, StepDetail?][] = [
  ['talk', '2024-02-05'],
  ['activist', '2024-03-01'],
  ['mentors', '2024-03-05', { mentors: ['李明'] }],
  ['development_target', '2025-03-01'],
  ['sponsors', '2025-03-10', { sponsors: ['李明', '王芳'] }],
  ['political_review', '2025-04-01'],
  ['training', '2025-04-10', { days: 3 }],
  ['pre_review', '2025-05-01'],
  ['branch_admission', '2025-06-01', votes],
  ['admission_approval', '2025-07-15'],
  ['oath', '2025-07-20'],
  ['full_application', '2026-05-20'],
  ['branch_full', '2026-06-05', votes],
  ['full_approval', '2026-07-01'],
];

const applied: PathState = { category: 'applicant', birthDate: '1990-05-20', appliedOn: '2024-01-10', steps: [{ step: 'application', doneOn: '2024-01-10' }] };

/** The state after a step: its effect on the membership, and the step on the record. */
function advance(state: PathState, input: StepInput): PathState {
  const { endedOn: _ended, endReason: _reason, ...stages } = stepEffect(state, input);
  return { ...state, ...stages, steps: [...state.steps, { step: input.step, doneOn: input.doneOn }] };
}

/** The journey's state just before `step` (the whole journey without one). */
function before(step?: StepCode): PathState {
  let state = applied;
  for (const [code, doneOn, detail] of journey) {
    if (code === step) break;
    state = advance(state, { step: code, doneOn, detail });
  }
  return state;
}

const rules = (found: StepViolation[]) => found.map((v) => `${v.rule}${v.overridable ? '' : '!'}`);
const check = (state: PathState, step: StepCode, doneOn: string, detail?: StepDetail) => rules(checkStep(state, { step, doneOn, detail }, TODAY));

describe('a path by the book', () => {
  it('records every step without a violation and ends a full member', () => {
    let state = applied;
    for (const [step, doneOn, detail] of journey) {
      expect(checkStep(state, { step, doneOn, detail }, TODAY), step).toEqual([]);
      state = advance(state, { step, doneOn, detail });
    }
    expect(state).toMatchObject({
      category: 'full', appliedOn: '2024-01-10', activistOn: '2024-03-01', targetOn: '2025-03-01', joinedOn: '2025-06-01', fullOn: '2026-06-01',
    });
  });

  it('moves the stage with the steps that decide it, and with no other', () => {
    const moved = journey.filter(([step]) => steps[step].moves).map(([step]) => step);
    expect(moved).toEqual(['activist', 'development_target', 'admission_approval', 'full_approval']);
    for (const [step, doneOn, detail] of journey.filter(([s]) => !steps[s].moves)) {
      expect(stepEffect(before(step), { step, doneOn, detail }), step).toEqual({});
    }
  });
});

describe('stages', () => {
  it('refuses, and never lets anyone override, a step the stage makes meaningless: every step in every stage', () => {
    for (const step of stepCodes) {
      for (const category of memberCategories) {
        const found = checkStep({ category, steps: [] }, { step, doneOn: '2026-01-01', detail: {} }, TODAY);
        const meaningless = !steps[step].during.includes(category);
        expect(found.some((v) => v.rule === 'step_stage'), `${step} for ${category}`).toBe(meaningless);
        if (meaningless) expect(found, `${step} for ${category}`).toEqual([{ rule: 'step_stage', overridable: false, field: 'step', params: { step, category } }]);
      }
    }
  });

  it('starts a path only with an application, which no stage takes as a step', () => {
    expect(steps.application.during).toEqual([]);
    expect(stepCodes.filter((s) => steps[s].during.length === 0)).toEqual(['application']);
  });
});

describe('the talk within a month (rules.md §2.2)', () => {
  const state: PathState = { category: 'applicant', appliedOn: '2024-01-31', steps: [{ step: 'application', doneOn: '2024-01-31' }] };

  it('accepts the last day of the month after, and names the rule a day later', () => {
    expect(check(state, 'talk', '2024-02-29')).toEqual([]);
    expect(checkStep(state, { step: 'talk', doneOn: '2024-03-01' }, TODAY)).toEqual([
      { rule: 'talk_late', overridable: true, field: 'doneOn', params: { appliedOn: '2024-01-31', latest: '2024-02-29', date: '2024-03-01' } },
    ]);
  });

  it('counts a month to the same day', () => {
    const may = { ...state, appliedOn: '2024-05-15' };
    expect(check(may, 'talk', '2024-06-15')).toEqual([]);
    expect(check(may, 'talk', '2024-06-16')).toEqual(['talk_late']);
  });

  it('is held once, and not before the application', () => {
    expect(check(before('activist'), 'talk', '2024-02-06')).toEqual(['step_once!']);
    expect(check(state, 'talk', '2024-01-30')).toEqual(['step_before_previous!']);
    expect(check(state, 'talk', '2024-01-31')).toEqual([]);
  });
});

describe('what each step needs before it', () => {
  it('names each step the rules want first, as a rule an approver may set aside', () => {
    expect(checkStep(applied, { step: 'activist', doneOn: '2024-03-01' }, TODAY)).toEqual([
      { rule: 'step_missing', overridable: true, field: 'step', params: { step: 'activist', required: 'talk' } },
    ]);
    const target = before('sponsors');
    expect(checkStep(target, { step: 'pre_review', doneOn: '2025-05-01' }, TODAY).map((v) => v.params.required)).toEqual(['sponsors', 'political_review', 'training']);
    expect(check(before('mentors'), 'development_target', '2025-03-01')).toEqual(['step_missing']);
    expect(check(before('branch_admission'), 'admission_approval', '2025-07-15')).toEqual(['step_missing']);
    expect(check(before('branch_full'), 'full_approval', '2026-07-01')).toEqual(['step_missing']);
  });

  it('takes the stage dates of a record kept before the platform as the steps that set them', () => {
    const imported: PathState = { category: 'probationary', joinedOn: '2025-06-01', steps: [] };
    expect(check(imported, 'oath', '2025-07-01')).toEqual([]);
    expect(check(imported, 'full_application', '2026-05-01')).toEqual([]);
    expect(check({ category: 'development_target', activistOn: '2024-01-01', targetOn: '2025-02-01', steps: [] }, 'sponsors', '2025-03-01')).toEqual([]);
  });

  it('keeps each date after the step that opened the stage and the steps it needs', () => {
    expect(checkStep(before('sponsors'), { step: 'sponsors', doneOn: '2025-02-28', detail: { sponsors: ['甲', '乙'] } }, TODAY)).toEqual([
      { rule: 'step_before_previous', overridable: false, field: 'doneOn', params: { step: 'sponsors', date: '2025-02-28', previous: 'development_target', previousDate: '2025-03-01' } },
    ]);
    expect(check(before('admission_approval'), 'admission_approval', '2025-05-31')).toEqual(['step_before_previous!']);
    expect(check(before('admission_approval'), 'admission_approval', '2025-06-01')).toEqual([]);
    // Steps of one stage that need nothing of each other may come in any order.
    const target = before('sponsors');
    const trained = advance(target, { step: 'training', doneOn: '2025-05-01', detail: { hours: 24 } });
    expect(check(trained, 'political_review', '2025-04-01')).toEqual([]);
  });
});

describe('a year as activist (rules.md §2.2, via the pipeline rules)', () => {
  it('accepts the development target on the anniversary and names the rule a day earlier', () => {
    const state = before('development_target');
    expect(check(state, 'development_target', '2025-03-01')).toEqual([]);
    const [early] = checkStep(state, { step: 'development_target', doneOn: '2025-02-28' }, TODAY);
    expect(early).toMatchObject({ rule: 'activist_year', overridable: true, field: 'doneOn', params: { earliest: '2025-03-01', date: '2025-02-28' } });
  });

  it('ends the year of an activist of 29 February on 28 February', () => {
    const leap: PathState = { category: 'activist', activistOn: '2024-02-29', steps: [{ step: 'mentors', doneOn: '2024-03-01' }] };
    expect(check(leap, 'development_target', '2025-02-28')).toEqual([]);
    expect(check(leap, 'development_target', '2025-02-27')).toEqual(['activist_year']);
  });
});

describe('concentrated training of 3 days or 24 hours (rules.md §2.2)', () => {
  const state = before('training');
  it('accepts either measure at its threshold, or both together', () => {
    for (const detail of [{ days: 3 }, { hours: 24 }, { days: 2, hours: 24 }, { days: 5 }]) expect(check(state, 'training', '2025-04-10', detail), JSON.stringify(detail)).toEqual([]);
  });

  it('names the rule below both', () => {
    for (const detail of [{ days: 2.5 }, { hours: 23 }, { days: 2, hours: 16 }]) expect(check(state, 'training', '2025-04-10', detail), JSON.stringify(detail)).toEqual(['training_short']);
    expect(checkStep(state, { step: 'training', doneOn: '2025-04-10', detail: { hours: 20 } }, TODAY)[0]).toMatchObject({ field: 'detail.hours', params: { days: 0, hours: 20 } });
  });
});

describe('the branch meeting\'s vote (rules.md §1, §2.3)', () => {
  const state = before('branch_admission');
  const vote = (detail: StepDetail) => check(state, 'branch_admission', '2025-06-01', detail);

  it('wants more than half present and more than half in favour of those who should attend', () => {
    expect(vote({ shouldAttend: 10, present: 6, yes: 6 })).toEqual([]);
    expect(vote({ shouldAttend: 10, present: 5, yes: 6 })).toEqual(['votes_quorum']);
    expect(vote({ shouldAttend: 10, present: 6, yes: 5 })).toEqual(['votes_majority']);
    expect(vote({ shouldAttend: 9, present: 5, yes: 5 })).toEqual([]);
    expect(vote({ shouldAttend: 9, present: 4, yes: 4 })).toEqual(['votes_quorum', 'votes_majority']);
    expect(vote({ shouldAttend: 1, present: 1, yes: 1 })).toEqual([]);
  });

  it('counts written votes of members absent: more in favour than present is possible', () => {
    expect(vote({ shouldAttend: 10, present: 6, yes: 8 })).toEqual([]);
  });

  it('applies the same thresholds at the end of probation', () => {
    expect(check(before('branch_full'), 'branch_full', '2026-06-05', { shouldAttend: 10, present: 5, yes: 5 })).toEqual(['votes_quorum', 'votes_majority']);
  });
});

describe('approval by the committee within 3 months, never after 6 (rules.md §2.2)', () => {
  const state = before('admission_approval');

  it('accepts the last day of the third month, then names the rule until the sixth, then refuses outright', () => {
    expect(check(state, 'admission_approval', '2025-09-01')).toEqual([]);
    expect(checkStep(state, { step: 'admission_approval', doneOn: '2025-09-02' }, TODAY)).toEqual([
      { rule: 'approval_late', overridable: true, field: 'doneOn', params: { resolvedOn: '2025-06-01', latest: '2025-09-01', date: '2025-09-02' } },
    ]);
    expect(check(state, 'admission_approval', '2025-12-01')).toEqual(['approval_late']);
    expect(checkStep(state, { step: 'admission_approval', doneOn: '2025-12-02' }, TODAY)).toEqual([
      { rule: 'approval_expired', overridable: false, field: 'doneOn', params: { resolvedOn: '2025-06-01', latest: '2025-12-01', date: '2025-12-02' } },
    ]);
  });

  it('times the approval from the latest resolution: a branch may resolve again after the limit', () => {
    const again = advance(state, { step: 'branch_admission', doneOn: '2026-01-10', detail: votes });
    expect(check(again, 'admission_approval', '2026-02-01')).toEqual([]);
    expect(stepEffect(again, { step: 'admission_approval', doneOn: '2026-02-01' })).toEqual({ category: 'probationary', joinedOn: '2026-01-10' });
  });

  it('gives full membership three months too, without the six-month limit', () => {
    const resolved = before('full_approval');
    expect(check(resolved, 'full_approval', '2026-09-05')).toEqual([]);
    expect(check(resolved, 'full_approval', '2026-09-06')).toEqual(['approval_late']);
  });
});

describe('probation of a year, extended once by 6 to 12 months (rules.md §2.2)', () => {
  const resolved = before('full_approval');

  it('dates full membership from the end of probation, however late the approval', () => {
    expect(stepEffect(resolved, { step: 'full_approval', doneOn: '2026-07-01' })).toEqual({ category: 'full', fullOn: '2026-06-01' });
    expect(stepEffect(resolved, { step: 'full_approval', doneOn: '2026-06-01' })).toEqual({ category: 'full', fullOn: '2026-06-01' });
  });

  it('names the rule for an approval before probation ends, dated the approval day', () => {
    const early = { ...resolved, steps: resolved.steps.map((s) => (s.step === 'branch_full' ? { ...s, doneOn: '2026-05-25' } : s)) };
    expect(checkStep(early, { step: 'full_approval', doneOn: '2026-05-31' }, TODAY)).toEqual([
      expect.objectContaining({ rule: 'probation_length', overridable: true, field: 'doneOn', params: { date: '2026-05-31', otherDate: '2025-06-01', earliest: '2026-06-01' } }),
    ]);
    expect(stepEffect(early, { step: 'full_approval', doneOn: '2026-05-31' })).toEqual({ category: 'full', fullOn: '2026-05-31' });
  });

  it('extends by 6 to 12 whole months only, and refuses anything else outright', () => {
    const state = before('full_approval');
    for (const months of [6, 7, 8, 9, 10, 11, 12]) expect(check(state, 'extension', '2026-06-10', { months }), `${months}`).toEqual([]);
    for (const months of [1, 5, 13, 24]) {
      expect(checkStep(state, { step: 'extension', doneOn: '2026-06-10', detail: { months } }, TODAY), `${months}`).toEqual([
        expect.objectContaining({ rule: 'extension_range', overridable: false, field: 'detail.months', params: { months } }),
      ]);
    }
  });

  it('extends once, including a probation extended before the platform kept steps', () => {
    const extended = advance(before('full_approval'), { step: 'extension', doneOn: '2026-06-10', detail: { months: 6 } });
    expect(extended.probationExtensionMonths).toBe(6);
    expect(check(extended, 'extension', '2026-07-01', { months: 6 })).toEqual(['extension_once!', 'step_missing']);
    expect(check({ category: 'probationary', joinedOn: '2025-06-01', probationExtensionMonths: 12, steps: [{ step: 'branch_full', doneOn: '2026-06-02' }] }, 'extension', '2026-06-10', { months: 6 })).toEqual(['extension_once!']);
  });

  it('wants the application and the branch meeting again after an extension, and times probation with it', () => {
    const extended = advance(before('full_approval'), { step: 'extension', doneOn: '2026-06-10', detail: { months: 6 } });
    expect(check(extended, 'full_approval', '2026-09-01')).toEqual(['step_missing', 'probation_length']);
    expect(check(extended, 'branch_full', '2026-06-20', votes)).toEqual(['step_missing']);
    expect(check(extended, 'full_application', '2026-06-09')).toEqual(['step_before_previous!']);
    const next = nextSteps(extended, TODAY).find((s) => s.step === 'full_approval')!;
    expect(next).toMatchObject({ earliest: '2026-12-01', missing: ['branch_full'] });
  });

  it('ends the membership when probation is cancelled', () => {
    expect(stepEffect(resolved, { step: 'probation_cancelled', doneOn: '2026-06-20' })).toEqual({ endedOn: '2026-06-20', endReason: 'probation_cancelled' });
    expect(check(resolved, 'probation_cancelled', '2026-06-20')).toEqual([]);
  });
});

describe('dates not yet come', () => {
  it('refuses a step dated after today outright, and accepts today', () => {
    const state = before('talk');
    expect(checkStep(state, { step: 'talk', doneOn: '2026-10-01' }, TODAY)).toContainEqual({ rule: 'future_date', overridable: false, field: 'doneOn', params: { step: 'talk', date: '2026-10-01', asOf: TODAY } });
    const fresh: PathState = { category: 'applicant', appliedOn: TODAY, steps: [] };
    expect(check(fresh, 'talk', TODAY)).toEqual([]);
  });
});

describe('checkApplication: the applicant is 18 (党章 Art. 1)', () => {
  it('accepts the eighteenth birthday and names the rule a day before it', () => {
    expect(checkApplication({ birthDate: '2008-03-02', appliedOn: '2026-03-02' }, TODAY)).toEqual([]);
    const [young] = checkApplication({ birthDate: '2008-03-02', appliedOn: '2026-03-01' }, TODAY);
    expect(young).toMatchObject({ rule: 'applicant_age', overridable: true, field: 'appliedOn', params: { age: 17 } });
  });

  it('refuses dates not yet come outright', () => {
    expect(rules(checkApplication({ birthDate: '1990-01-01', appliedOn: '2026-10-01' }, TODAY))).toEqual(['future_date!']);
    expect(checkApplication({ birthDate: '2026-10-01', appliedOn: '2026-09-01' }, TODAY)[0]).toMatchObject({ rule: 'future_date', overridable: false, field: 'birthDate' });
  });
});

describe('detailProblems', () => {
  it('wants the facts each step takes', () => {
    expect(detailProblems('mentors', {})).toEqual([{ field: 'mentors', problem: 'required' }]);
    expect(detailProblems('sponsors')).toEqual([{ field: 'sponsors', problem: 'required' }]);
    expect(detailProblems('branch_full', { shouldAttend: 5 })).toEqual([{ field: 'present', problem: 'required' }, { field: 'yes', problem: 'required' }]);
    expect(detailProblems('extension', {})).toEqual([{ field: 'months', problem: 'required' }]);
    expect(detailProblems('training', {})).toEqual([{ field: 'days', problem: 'length_required' }]);
    expect(detailProblems('training', { hours: 30 })).toEqual([]);
  });

  it('refuses facts a step does not take', () => {
    expect(detailProblems('talk', { months: 6, mentors: ['甲'] })).toEqual([{ field: 'months', problem: 'not_for_step' }, { field: 'mentors', problem: 'not_for_step' }]);
    for (const step of stepCodes.filter((s) => steps[s].detail.length === 0)) expect(detailProblems(step, {}), step).toEqual([]);
  });

  it('refuses a name given twice and more votes than members', () => {
    expect(detailProblems('sponsors', { sponsors: ['李明', '李明'] })).toEqual([{ field: 'sponsors', problem: 'duplicate_names' }]);
    expect(detailProblems('branch_admission', { shouldAttend: 5, present: 6, yes: 6 })).toEqual([{ field: 'present', problem: 'votes_exceed' }, { field: 'yes', problem: 'votes_exceed' }]);
    expect(detailProblems('branch_admission', { shouldAttend: 5, present: 5, yes: 5 })).toEqual([]);
  });
});

describe('nextSteps', () => {
  it('offers a new applicant the talk, due a month after the application, and the activist step lacking it', () => {
    expect(nextSteps(applied, '2024-01-20')).toEqual([
      { step: 'talk', earliest: '2024-01-10', latest: '2024-02-10', overdue: false, missing: [], approval: false },
      { step: 'activist', earliest: '2024-01-10', latest: null, overdue: false, missing: ['talk'], approval: false },
    ]);
    expect(nextSteps(applied, '2024-02-11')[0]).toMatchObject({ step: 'talk', overdue: true });
  });

  it('drops a step held once, and gives each stage its steps with their windows', () => {
    expect(nextSteps(before('activist'), TODAY).map((s) => s.step)).toEqual(['activist']);
    expect(nextSteps(before('development_target'), TODAY).find((s) => s.step === 'development_target')).toMatchObject({ earliest: '2025-03-01', missing: [] });
    expect(nextSteps(before('admission_approval'), TODAY).find((s) => s.step === 'admission_approval')).toEqual({
      step: 'admission_approval', earliest: '2025-06-01', latest: '2025-09-01', overdue: true, missing: [], approval: true,
    });
    const probation = nextSteps(before('full_application'), TODAY);
    expect(probation.map((s) => s.step)).toEqual(['extension', 'full_application', 'branch_full', 'full_approval', 'probation_cancelled']);
    expect(probation.find((s) => s.step === 'branch_full')).toMatchObject({ latest: '2026-06-01', missing: ['full_application'] });
    expect(probation.find((s) => s.step === 'full_approval')).toMatchObject({ earliest: '2026-06-01', approval: true });
  });

  it('offers nothing once the path is done', () => {
    expect(nextSteps(before(), TODAY)).toEqual([]);
  });
});

describe('messages', () => {
  /** One violation of every rule the steps can break. */
  const samples: StepViolation[] = [
    ...checkStep(before('talk'), { step: 'talk', doneOn: '2026-10-01' }, TODAY),
    ...checkStep(before('talk'), { step: 'oath', doneOn: '2026-01-01' }, TODAY),
    ...checkStep(before('activist'), { step: 'talk', doneOn: '2024-01-01' }, TODAY),
    ...checkStep(applied, { step: 'activist', doneOn: '2024-03-01' }, TODAY),
    ...checkStep(before('development_target'), { step: 'development_target', doneOn: '2025-01-01' }, TODAY),
    ...checkStep(before('training'), { step: 'training', doneOn: '2025-04-10', detail: { days: 1 } }, TODAY),
    ...checkStep(before('branch_admission'), { step: 'branch_admission', doneOn: '2025-06-01', detail: { shouldAttend: 10, present: 2, yes: 2 } }, TODAY),
    ...checkStep(before('admission_approval'), { step: 'admission_approval', doneOn: '2025-10-01' }, TODAY),
    ...checkStep(before('admission_approval'), { step: 'admission_approval', doneOn: '2026-01-01' }, TODAY),
    ...checkStep(before('full_approval'), { step: 'extension', doneOn: '2026-06-10', detail: { months: 3 } }, TODAY),
    ...checkStep({ ...before('full_approval'), probationExtensionMonths: 6 }, { step: 'extension', doneOn: '2026-06-10', detail: { months: 6 } }, TODAY),
    ...checkStep(before('full_approval'), { step: 'full_approval', doneOn: '2026-05-31' }, TODAY),
    ...checkApplication({ birthDate: '2010-01-01', appliedOn: '2026-01-01' }, TODAY),
    ...checkStep(before('talk'), { step: 'talk', doneOn: '2024-03-01' }, TODAY),
  ];

  it('covers every rule', () => {
    expect(new Set(samples.map((v) => v.rule))).toEqual(new Set([
      'future_date', 'step_stage', 'step_once', 'step_before_previous', 'step_missing', 'activist_year', 'training_short', 'votes_quorum',
      'votes_majority', 'approval_late', 'approval_expired', 'extension_range', 'extension_once', 'probation_length', 'applicant_age', 'talk_late',
    ]));
  });

  it('says each in both languages with every placeholder filled and the steps named', () => {
    for (const v of samples) {
      for (const lang of ['zh', 'en'] as const) expect(describeStepViolation(v, lang), `${v.rule} ${lang}`).not.toMatch(/[{}]|undefined/);
    }
    const missing = samples.find((v) => v.rule === 'step_missing')!;
    expect(describeStepViolation(missing, 'zh')).toBe('办理“确定为入党积极分子”前须先完成“党组织派人谈话”');
    expect(describeStepViolation(missing, 'en')).toBe('"talk with the applicant" must come before "accepted as activist"');
    const stage = samples.find((v) => v.rule === 'step_stage')!;
    expect(describeStepViolation(stage, 'zh')).toBe('入党申请人不能办理“入党宣誓”');
  });

  it('names every rule an approver may set aside, with the missing step where there is one', () => {
    for (const v of samples.filter((s) => s.overridable)) {
      for (const lang of ['zh', 'en'] as const) expect(overridableRuleLabels[v.rule]?.[lang], `${v.rule} ${lang}`).toBeTruthy();
    }
    const missing = samples.find((v) => v.rule === 'step_missing')!;
    expect(overriddenCode(missing)).toBe('step_missing:talk');
    expect(overriddenLabel('step_missing:talk', 'zh')).toBe('前一步骤未完成：党组织派人谈话');
    expect(overriddenLabel('talk_late', 'en')).toBe('talk within a month of the application');
  });

  it('labels every step in both languages', () => {
    for (const step of stepCodes) expect(steps[step].zh && steps[step].en, step).toBeTruthy();
    const categories = new Set<MemberCategory>(stepCodes.flatMap((s) => steps[s].during));
    expect([...categories].sort()).toEqual(['activist', 'applicant', 'development_target', 'probationary']);
  });
});
