import { describe, expect, it } from 'vitest';
import { useTestApp, requestsOf } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { encodeCsv, readTableFile } from '../files/table-file.js';
import { addWorkingDays } from './calendar.js';
import type { CalendarImportReport, CalendarYearsView, CalendarYearView } from './contracts.js';
import { nationalCalendars } from './national.js';
import { workingDaysOf } from './rules.js';
import { loadWorkCalendar } from './store.js';

describe.each(engines)('the work calendar on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'secretary', 'member'] });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const countyId = () => t.county.county.id;
  const upload = (user: string, year: number, fileName: string, content: Buffer, commit: boolean, lang?: string) =>
    send(user, 'POST', `/api/calendar/${year}/import`, { fileName, content: content.toString('base64'), commit }, lang);

  it('shows the national year to everyone with a post, with its working days, and the county may edit it', async () => {
    const year = await ok<CalendarYearView>(await send('member', 'GET', '/api/calendar/2026'));
    expect(year).toMatchObject({ year: 2026, source: 'national', workingDays: 248, message: null, can: { edit: { allowed: false, reason: 'no_ability' } } });
    expect(year.days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect((await ok<CalendarYearView>(await send('township', 'GET', '/api/calendar/2026'))).can.edit).toEqual({ allowed: false, reason: 'out_of_scope' });
    expect((await ok<CalendarYearView>(await send('county', 'GET', '/api/calendar/2026'))).can.edit).toEqual({ allowed: true });
  });

  it('answers a year nobody covers with no source and what to do, in the asked language', async () => {
    expect(await ok<CalendarYearView>(await send('member', 'GET', '/api/calendar/2031'))).toMatchObject({
      source: null, days: [], workingDays: null, message: expect.stringContaining('2031 年的工作日历尚未导入'),
    });
    expect((await ok<CalendarYearView>(await send('member', 'GET', '/api/calendar/2031', undefined, 'en'))).message).toContain('no work calendar for 2031');
    expect(await fieldsOf(await send('member', 'GET', '/api/calendar/1999'))).toHaveLength(1);
  });

  it('stores an edited year for the county administrator only, audited with before and after, and deadlines follow it', async () => {
    const days = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-06', kind: 'workday', name: '春节' }, { date: '2027-02-08', kind: 'holiday', name: '春节' }];
    for (const user of ['township', 'secretary', 'member']) {
      expect((await refused(await send(user, 'PUT', '/api/calendar/2027', { days }), 403)).message).toBe('工作日历由县委组织部设置');
    }
    const saved = await ok<CalendarYearView>(await send('county', 'PUT', '/api/calendar/2027', { days }));
    expect(saved).toMatchObject({ source: 'edited', days: [days[0], days[1], days[2]] });
    // Friday 1 January and Monday 8 February off, Saturday 6 February worked.
    expect(saved.workingDays).toBe(workingDaysOf(2027, []) - 2 + 1);
    const [event] = await events('calendar.edit');
    expect(event).toMatchObject({ entityType: 'calendar_year', entityId: '2027', before: { source: null, days: [] }, after: { source: 'edited', days } });
    const calendar = await loadWorkCalendar(t.database.db, countyId(), [2027]);
    expect(addWorkingDays(calendar, '2027-02-05', 1)).toBe('2027-02-06');
    expect(addWorkingDays(calendar, '2027-02-06', 1)).toBe('2027-02-09');
    const listed = await ok<CalendarYearsView>(await send('member', 'GET', '/api/calendar'));
    expect(listed.items).toEqual([{ year: 2025, source: 'national' }, { year: 2026, source: 'national' }, { year: 2027, source: 'edited' }]);
  });

  it('refuses each bad day on its field, and stores nothing', async () => {
    const days = [
      { date: '2028-02-30', kind: 'holiday', name: '春节' }, { date: '2029-01-01', kind: 'holiday', name: '元旦' },
      { date: '2028-10-02', kind: 'workday', name: '国庆节' }, { date: '2028-10-03', kind: 'holiday', name: '' },
      { date: '2028-10-03', kind: 'holiday', name: '国庆节' },
    ];
    expect(await fieldsOf(await send('county', 'PUT', '/api/calendar/2028', { days }))).toEqual([
      'body.days.0.date: “2028-02-30”不是真实的日期',
      'body.days.1.date: 日期 2029-01-01 不在 2028 年内',
      'body.days.2.kind: 2028-10-02 是工作日，不需要调休上班：“上班”只能设在周六或周日',
      'body.days.3.name: 请填写名称（如 春节、国庆节）',
      'body.days.4.date: 日期 2028-10-03 重复（与第 4 行）',
    ]);
    expect((await fieldsOf(await send('county', 'PUT', '/api/calendar/2028', { days: [days[1]] }, 'en')))).toEqual(['body.days.0.date: The date 2029-01-01 is not in 2028']);
    expect(await fieldsOf(await send('county', 'PUT', '/api/calendar/2028', { days: [{ date: '2028-01-01', kind: 'off', name: 'x' }] }))).toHaveLength(1);
    expect((await ok<CalendarYearView>(await send('county', 'GET', '/api/calendar/2028'))).source).toBeNull();
  });

  it('imports a GB18030 CSV after checking it, reporting every row and writing nothing while anything is wrong', async () => {
    const rows = [['2029-01-01', '放假', '元旦'], ['2029/2/10', '上班', '春节'], ['2029年2月12日', '放假', '春节'], ['2029-02-13', '休', '春节'], ['2029-02-14', '上班', '春节'], ['2029-02-30', '放假', '春节']];
    const gb = encodeCsv(['日期', '类型', '名称'], rows, 'gb18030');
    const checked = await ok<CalendarImportReport>(await upload('county', 2029, 'calendar.csv', gb, true));
    expect(checked).toMatchObject({ format: 'csv', encoding: 'gb18030', rows: 6, committed: false, errors: 3 });
    expect(checked.problems.map((p) => `${p.rowNumber} ${p.column} ${p.value}: ${p.message}`)).toEqual([
      '5 类型 休: 类型“休”无法识别，请填写“放假”或“上班”',
      '6 类型 上班: 2029-02-14 是工作日，不需要调休上班：“上班”只能设在周六或周日',
      '7 日期 2029-02-30: “2029-02-30”不是真实的日期',
    ]);
    expect((await ok<CalendarYearView>(await send('county', 'GET', '/api/calendar/2029'))).source).toBeNull();
    expect(await events('calendar.import')).toHaveLength(0);

    const fixed = encodeCsv(['日期', '类型', '名称'], rows.slice(0, 3), 'gb18030');
    expect(await ok<CalendarImportReport>(await upload('county', 2029, 'calendar.csv', fixed, false))).toMatchObject({ committed: false, errors: 0, holidays: 2, workdays: 1 });
    expect((await ok<CalendarYearView>(await send('county', 'GET', '/api/calendar/2029'))).source).toBeNull();
    expect(await ok<CalendarImportReport>(await upload('county', 2029, 'calendar.csv', fixed, true))).toMatchObject({ committed: true, errors: 0 });
    const year = await ok<CalendarYearView>(await send('member', 'GET', '/api/calendar/2029'));
    expect(year).toMatchObject({ source: 'imported', days: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }, { date: '2029-02-10', kind: 'workday', name: '春节' }, { date: '2029-02-12', kind: 'holiday', name: '春节' }] });
    expect(await events('calendar.import')).toHaveLength(1);
  });

  it('names a duplicate date in a file by the other row', async () => {
    const csv = encodeCsv(['日期', '类型', '名称'], [['2029-05-01', '放假', '劳动节'], ['2029-05-02', '放假', '劳动节'], ['2029-5-1', '放假', '劳动节']], 'utf-8');
    const report = await ok<CalendarImportReport>(await upload('county', 2029, 'c.csv', csv, false));
    expect(report.problems.map((p) => `${p.rowNumber} ${p.message}`)).toEqual(['4 日期 2029-05-01 重复（与第 2 行）']);
  });

  it('refuses a file without the columns, or of another kind, as a clear 400; and outsiders before reading it', async () => {
    const noKind = encodeCsv(['日期', '名称'], [['2029-01-01', '元旦']], 'utf-8');
    expect((await refused(await upload('county', 2029, 'c.csv', noKind, false), 400)).message).toContain('缺少表头：类型');
    expect((await refused(await upload('county', 2029, 'c.txt', noKind, false), 400))).toBeDefined();
    expect((await refused(await upload('township', 2029, 'c.csv', noKind, false), 403)).message).toBe('工作日历由县委组织部设置');
  });

  it('offers a template holding the national days of the current year, which imports as it is', async () => {
    const response = await send('county', 'GET', '/api/calendar/template.xlsx');
    expect(response.statusCode).toBe(200);
    const table = await readTableFile(response.rawPayload, 't.xlsx', { requiredHeaders: ['日期', '类型', '名称'] });
    expect(table.rows).toHaveLength(nationalCalendars.get(2026)!.length);
    expect(table.rows[0]!.values).toEqual({ 日期: '2026-01-01', 类型: '放假', 名称: '元旦' });
    expect(await ok<CalendarImportReport>(await upload('county', 2026, 'template.xlsx', response.rawPayload, false))).toMatchObject({ format: 'xlsx', rows: nationalCalendars.get(2026)!.length, errors: 0 });
    expect((await send('member', 'GET', '/api/calendar/template.xlsx')).statusCode).toBe(403);
  });

  it('returns a year to the national calendar, audited; reverting a year without its own is no change', async () => {
    await ok(await send('county', 'PUT', '/api/calendar/2026', { days: [{ date: '2026-03-02', kind: 'holiday', name: '县庆' }] }));
    expect((await ok<CalendarYearView>(await send('member', 'GET', '/api/calendar/2026'))).workingDays).toBe(260);
    expect((await refused(await send('township', 'DELETE', '/api/calendar/2026'), 403)).code).toBe('forbidden');
    const back = await ok<CalendarYearView>(await send('county', 'DELETE', '/api/calendar/2026'));
    expect(back).toMatchObject({ source: 'national', workingDays: 248 });
    const reverts = await events('calendar.revert');
    expect(reverts).toHaveLength(1);
    expect(reverts[0]).toMatchObject({ before: { source: 'edited', days: [{ date: '2026-03-02', kind: 'holiday', name: '县庆' }] }, after: { source: 'national' } });
    await ok(await send('county', 'DELETE', '/api/calendar/2026'));
    expect(await events('calendar.revert')).toHaveLength(1);
  });
});
