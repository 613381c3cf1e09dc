import { describe, expect, it } from 'vitest';
import {
  afterAcceptance, cadencePeriodOf, cadencePeriodsBetween, canApprovePlan, canClose, canEditPlan, canMarkItem, canRecordAcceptance, canReport,
  canRequestAcceptance, canStart, caseOverdue, caseStates, inOrder, isLate, missedReports, overdueItems, reportingSpans, reportPeriodName, sheetTotal,
  type AcceptanceFacts, type CaseState,
} from './rules.js';

const others = (allowed: CaseState[]) => caseStates.filter((s) => !allowed.includes(s));

describe('the rectification state machine', () => {
  it('lets the plan be written only while identified', () => {
    expect(canEditPlan('identified')).toEqual({ ok: true });
    for (const s of others(['identified', 'closed'])) expect(canEditPlan(s)).toMatchObject({ ok: false, reason: 'plan_locked' });
    expect(canEditPlan('closed')).toMatchObject({ ok: false, reason: 'already_closed' });
  });

  it('approves a plan with items and a deadline after the approval, only when identified', () => {
    expect(canApprovePlan('identified', 2, '2026-06-30', '2026-03-20')).toEqual({ ok: true });
    expect(canApprovePlan('identified', 0, '2026-06-30', '2026-03-20')).toMatchObject({ reason: 'plan_empty' });
    expect(canApprovePlan('identified', 1, '2026-03-20', '2026-03-20')).toMatchObject({ reason: 'deadline_before_approval' });
    for (const s of others(['identified'])) expect(canApprovePlan(s, 2, '2026-06-30', '2026-03-20')).toMatchObject({ reason: 'not_identified' });
  });

  it('starts rectifying only from an approved plan, and marks items only while rectifying', () => {
    expect(canStart('plan_approved')).toEqual({ ok: true });
    for (const s of others(['plan_approved'])) expect(canStart(s)).toMatchObject({ reason: 'not_plan_approved' });
    expect(canMarkItem('rectifying')).toEqual({ ok: true });
    for (const s of others(['rectifying'])) expect(canMarkItem(s)).toMatchObject({ reason: 'not_rectifying' });
  });

  it('asks for acceptance only while rectifying with every item done with evidence', () => {
    const done = { doneOn: '2026-04-01', evidence: '照片' };
    expect(canRequestAcceptance('rectifying', [done, done])).toEqual({ ok: true });
    expect(canRequestAcceptance('rectifying', [done, { doneOn: null, evidence: null }])).toMatchObject({ reason: 'items_not_done', params: { open: 1 } });
    expect(canRequestAcceptance('rectifying', [{ doneOn: '2026-04-01', evidence: '  ' }])).toMatchObject({ reason: 'items_not_done' });
    expect(canRequestAcceptance('rectifying', [])).toMatchObject({ reason: 'items_not_done' });
    for (const s of others(['rectifying'])) expect(canRequestAcceptance(s, [done])).toMatchObject({ reason: 'not_rectifying' });
  });

  const facts = (f: Partial<AcceptanceFacts>): AcceptanceFacts => ({
    result: 'pass', score: 85, passScore: 70, dissatisfiedPermille: null, failPermille: 500, acceptedOn: '2026-07-01', newDeadline: null, reasons: null, ...f,
  });

  it('records an acceptance only when requested, under the pass score and the dissatisfaction rules', () => {
    expect(canRecordAcceptance('acceptance_requested', facts({}))).toEqual({ ok: true });
    for (const s of others(['acceptance_requested'])) expect(canRecordAcceptance(s, facts({}))).toMatchObject({ reason: 'not_acceptance_requested' });
    expect(canRecordAcceptance('acceptance_requested', facts({ score: 69.5 }))).toMatchObject({ reason: 'score_below_pass' });
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'basic_pass', score: 60, reasons: '基本' }))).toMatchObject({ reason: 'score_below_pass' });
    expect(canRecordAcceptance('acceptance_requested', facts({ dissatisfiedPermille: 501 }))).toMatchObject({ reason: 'dissatisfied_must_fail' });
    expect(canRecordAcceptance('acceptance_requested', facts({ dissatisfiedPermille: 500 }))).toEqual({ ok: true });
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'basic_pass' }))).toMatchObject({ reason: 'reasons_required' });
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'basic_pass', reasons: '个别问题需巩固' }))).toEqual({ ok: true });
  });

  it('needs reasons and a later deadline to fail, whatever the score', () => {
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'fail', score: 90, reasons: '群众不满意', newDeadline: '2026-09-30' }))).toEqual({ ok: true });
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'fail', score: 50, newDeadline: '2026-09-30' }))).toMatchObject({ reason: 'reasons_required' });
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'fail', score: 50, reasons: '未达标' }))).toMatchObject({ reason: 'fail_needs_deadline' });
    expect(canRecordAcceptance('acceptance_requested', facts({ result: 'fail', score: 50, reasons: '未达标', newDeadline: '2026-07-01' }))).toMatchObject({ reason: 'deadline_not_after' });
  });

  it('sends a pass to a watch, a basic pass to a longer one, and a failure back to rectifying', () => {
    expect(afterAcceptance('pass', '2026-07-01', 12, 6)).toEqual({ state: 'under_watch', watchUntil: '2027-07-01' });
    expect(afterAcceptance('basic_pass', '2026-07-01', 12, 6)).toEqual({ state: 'under_watch', watchUntil: '2028-01-01' });
    expect(afterAcceptance('fail', '2026-07-01', 12, 6)).toEqual({ state: 'rectifying', watchUntil: null });
  });

  it('closes only after acceptance and the whole watch', () => {
    expect(canClose('under_watch', '2027-07-01', '2027-07-01')).toEqual({ ok: true });
    expect(canClose('under_watch', '2027-07-01', '2027-06-30')).toMatchObject({ reason: 'close_before_watch_end', params: { until: '2027-07-01' } });
    expect(canClose('closed', '2027-07-01', '2027-08-01')).toMatchObject({ reason: 'already_closed' });
    for (const s of others(['under_watch', 'closed'])) expect(canClose(s, null, '2027-08-01')).toMatchObject({ reason: 'close_before_acceptance' });
  });

  it('takes reports from plan approval on, and none dated after closure', () => {
    expect(canReport('identified', null, '2026-03-01')).toMatchObject({ reason: 'report_before_plan' });
    for (const s of others(['identified', 'closed'])) expect(canReport(s, null, '2026-03-01')).toEqual({ ok: true });
    expect(canReport('closed', '2026-03-01', '2026-03-01')).toEqual({ ok: true });
    expect(canReport('closed', '2026-03-01', '2026-03-02')).toMatchObject({ reason: 'report_after_closure' });
  });
});

describe('report cadence', () => {
  it('names weeks, months and N-day spans counted from the approval', () => {
    expect(cadencePeriodOf({ unit: 'week' }, '2026-03-01', '2026-03-04')).toEqual({ key: '2026-W10', start: '2026-03-02', end: '2026-03-08' });
    expect(cadencePeriodOf({ unit: 'month' }, '2026-03-01', '2026-03-04')).toEqual({ key: '2026-03', start: '2026-03-01', end: '2026-03-31' });
    expect(cadencePeriodOf({ everyDays: 3 }, '2026-03-01', '2026-03-04')).toEqual({ key: '2026-03-04', start: '2026-03-04', end: '2026-03-06' });
    expect(cadencePeriodOf({ everyDays: 3 }, '2026-03-01', '2026-03-03')).toEqual({ key: '2026-03-01', start: '2026-03-01', end: '2026-03-03' });
    expect(cadencePeriodsBetween({ everyDays: 3 }, '2026-03-01', '2026-03-01', '2026-03-07').map((p) => p.key)).toEqual(['2026-03-01', '2026-03-04', '2026-03-07']);
    expect(cadencePeriodsBetween({ unit: 'week' }, '2026-03-01', '2026-03-09', '2026-03-01')).toEqual([]);
  });

  it('names a period as people do, in either language', () => {
    expect(reportPeriodName('2026-W10', 'zh')).toBe('2026年第10周');
    expect(reportPeriodName('2026-03', 'zh')).toBe('2026年3月');
    expect(reportPeriodName('2026-03-04', 'zh')).toBe('2026年3月4日起');
    expect(reportPeriodName('2026-W10', 'en')).toBe('Week 10 of 2026');
    expect(reportPeriodName('2026-03-04', 'en')).toBe('from 2026-03-04');
  });

  it('marks a report filed after its period late', () => {
    const p = cadencePeriodOf({ unit: 'week' }, '2026-03-01', '2026-03-04');
    expect(isLate(p, '2026-03-08')).toBe(false);
    expect(isLate(p, '2026-03-09')).toBe(true);
  });
});

describe('accountability', () => {
  const events = [
    { day: '2026-03-02', fromState: null, toState: 'identified' }, { day: '2026-03-03', fromState: 'identified', toState: 'plan_approved' },
    { day: '2026-03-04', fromState: 'plan_approved', toState: 'rectifying' }, { day: '2026-03-20', fromState: 'rectifying', toState: 'acceptance_requested' },
    { day: '2026-03-25', fromState: 'acceptance_requested', toState: 'rectifying' },
  ];

  it('orders the moves of one day by the chain of states, whatever their timestamps', () => {
    const sameDay = [
      { day: '2026-03-02', fromState: 'plan_approved', toState: 'rectifying' }, { day: '2026-03-02', fromState: 'identified', toState: 'identified' },
      { day: '2026-03-02', fromState: 'identified', toState: 'plan_approved' }, { day: '2026-02-20', fromState: null, toState: 'identified' },
    ];
    expect(inOrder(sameDay).map((e) => e.toState)).toEqual(['identified', 'plan_approved', 'rectifying', 'identified']);
    expect(reportingSpans(sameDay, '2026-03-10')).toEqual([{ from: '2026-03-02', to: '2026-03-10' }]);
    // Distinct times are the order, whatever the chain would say.
    const timed = [
      { day: '2026-03-02', at: new Date('2026-03-02T03:00:00Z'), fromState: 'identified', toState: 'plan_approved' },
      { day: '2026-03-02', at: new Date('2026-03-02T02:00:00Z'), fromState: 'identified', toState: 'identified' },
    ];
    expect(inOrder(timed).map((e) => e.toState)).toEqual(['identified', 'plan_approved']);
  });

  it('finds the spans in which reports were owed', () => {
    expect(reportingSpans(events, '2026-04-10')).toEqual([{ from: '2026-03-03', to: '2026-03-20' }, { from: '2026-03-25', to: '2026-04-10' }]);
    expect(reportingSpans(events.slice(0, 1), '2026-04-10')).toEqual([]);
  });

  it('counts a period missed when no report came by its end, naming a late one', () => {
    const spans = reportingSpans(events, '2026-04-10');
    const missed = missedReports({ unit: 'week' }, '2026-03-03', spans, [
      { periodKey: '2026-W10', reportedOn: '2026-03-06' },
      { periodKey: '2026-W11', reportedOn: '2026-03-17' },
      { periodKey: '2026-W14', reportedOn: '2026-04-02' },
    ], '2026-04-10');
    // W10 on time, W11 late, W12 ended inside the first span unreported; W13 after the return; W14 on time; W15 not over.
    expect(missed).toEqual([
      { periodKey: '2026-W11', start: '2026-03-09', end: '2026-03-15', lateOn: '2026-03-17' },
      { periodKey: '2026-W13', start: '2026-03-23', end: '2026-03-29', lateOn: null },
    ]);
    expect(missedReports({ unit: 'week' }, null, spans, [], '2026-04-10')).toEqual([]);
  });

  it('flags items not done by their deadline and a case deadline passed before acceptance was asked', () => {
    const items = [
      { position: 1, problem: 'a', deadline: '2026-04-01', doneOn: null },
      { position: 2, problem: 'b', deadline: '2026-04-01', doneOn: '2026-04-02' },
      { position: 3, problem: 'c', deadline: '2026-04-01', doneOn: '2026-04-01' },
      { position: 4, problem: 'd', deadline: '2026-05-01', doneOn: null },
    ];
    expect(overdueItems(items, '2026-04-10').map((i) => i.position)).toEqual([1, 2]);
    expect(caseOverdue('rectifying', '2026-04-01', null, '2026-04-02')).toBe(true);
    expect(caseOverdue('rectifying', '2026-04-01', null, '2026-04-01')).toBe(false);
    expect(caseOverdue('acceptance_requested', '2026-04-01', '2026-03-30', '2026-05-01')).toBe(false);
    expect(caseOverdue('under_watch', '2026-04-01', '2026-04-05', '2026-05-01')).toBe(true);
    expect(caseOverdue('identified', null, null, '2026-05-01')).toBe(false);
  });

  it('totals a score sheet and names scores above their maximum', () => {
    expect(sheetTotal([{ item: 'a', max: 60, score: 50.5 }, { item: 'b', max: 40, score: 30 }])).toEqual({ total: 80.5, over: [] });
    expect(sheetTotal([{ item: 'a', max: 60, score: 61 }, { item: 'b', max: 40, score: -1 }]).over).toEqual([0, 1]);
  });
});
