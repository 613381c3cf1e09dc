/**
 * The meeting record book (会议记录簿): the held meetings of an organization in date order, as the paper
 * book a branch keeps. One sheet lists them (a line each, with attendance counts and votes); then a sheet
 * per meeting holds its whole record: the facts, the agenda, the minutes, attendance by name with the
 * reasons given, and the resolutions.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { invalid } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { RecordBookQuery } from './contracts.js';
import { meetingKindLabels, type AttendanceStatus, type MeetingKind } from './kinds.js';
import { meetingAttendees, meetingResolutions, meetings } from './schema.js';

/** A book is for reading: a span wider than this is a database dump, and is refused with advice to narrow it. */
export const MAX_BOOK_MEETINGS = 500;

const attendanceLabels: Record<AttendanceStatus, string> = { present: '出席', excused: '请假', absent: '缺席' };

interface BookMeeting {
  id: string;
  orgName: string;
  kind: MeetingKind;
  heldOn: string;
  startsAt: string | null;
  place: string | null;
  topic: string;
  agenda: string | null;
  minutes: string | null;
  host: string | null;
  recorder: string | null;
  lecturer: string | null;
  attendees: { name: string; status: AttendanceStatus; reason: string | null }[];
  resolutions: { title: string; shouldAttend: number; present: number; yes: number; no: number; abstain: number; passed: boolean }[];
}

/** The held meetings of `org` (and of the organizations below it with `subtree`) in the span, oldest first. */
async function bookMeetings(ctx: ServiceContext, org: OrgRow, query: RecordBookQuery): Promise<BookMeeting[]> {
  const found = await ctx.db.select({ m: meetings, orgName: organizations.name }).from(meetings)
    .innerJoin(organizations, and(eq(organizations.countyId, meetings.countyId), eq(organizations.id, meetings.orgId)))
    .where(and(
      eq(meetings.countyId, org.countyId), eq(meetings.status, 'held'),
      query.subtree === 'true' ? sql`${meetings.orgPath} like ${org.path + '%'}` : eq(meetings.orgId, org.id),
      query.kind ? eq(meetings.kind, query.kind) : undefined,
      query.from ? sql`${meetings.heldOn} >= ${query.from}::date` : undefined,
      query.to ? sql`${meetings.heldOn} <= ${query.to}::date` : undefined,
    ))
    .orderBy(asc(meetings.heldOn), sql`${meetings.startsAt} asc nulls first`, asc(organizations.code), asc(meetings.createdAt), asc(meetings.id))
    .limit(MAX_BOOK_MEETINGS + 1);
  if (found.length > MAX_BOOK_MEETINGS) throw invalid('meetings.book_too_large', { limit: MAX_BOOK_MEETINGS });
  const ids = found.map(({ m }) => m.id);
  if (ids.length === 0) return [];
  const attendees = await ctx.db.select({ meetingId: meetingAttendees.meetingId, name: people.name, status: meetingAttendees.status, reason: meetingAttendees.reason })
    .from(meetingAttendees)
    .innerJoin(people, and(eq(people.countyId, meetingAttendees.countyId), eq(people.id, meetingAttendees.personId)))
    .where(and(eq(meetingAttendees.countyId, org.countyId), inArray(meetingAttendees.meetingId, ids)))
    .orderBy(asc(people.pinyin), asc(people.name), asc(people.id));
  const resolutions = await ctx.db.select().from(meetingResolutions)
    .where(and(eq(meetingResolutions.countyId, org.countyId), inArray(meetingResolutions.meetingId, ids))).orderBy(asc(meetingResolutions.position));
  const roles = [...new Set(found.flatMap(({ m }) => [m.hostId, m.recorderId, m.lecturerId]).filter((p): p is string => p !== null))];
  const names = new Map(roles.length === 0 ? [] : (await ctx.db.select({ id: people.id, name: people.name }).from(people)
    .where(and(eq(people.countyId, org.countyId), inArray(people.id, roles)))).map((p) => [p.id, p.name]));
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  return found.map(({ m, orgName }) => ({
    id: m.id, orgName, kind: m.kind as MeetingKind, heldOn: m.heldOn!, startsAt: m.startsAt, place: m.place, topic: m.topic, agenda: m.agenda, minutes: m.minutes,
    host: nameOf(m.hostId), recorder: nameOf(m.recorderId), lecturer: nameOf(m.lecturerId) ?? m.lecturerName,
    attendees: attendees.filter((a) => a.meetingId === m.id).map((a) => ({ name: a.name, status: a.status as AttendanceStatus, reason: a.reason })),
    resolutions: resolutions.filter((r) => r.meetingId === m.id),
  }));
}

const tally = (m: BookMeeting, status: AttendanceStatus) => m.attendees.filter((a) => a.status === status).length;
const votes = (r: BookMeeting['resolutions'][number]) => `${r.title}：应到${r.shouldAttend}，实到${r.present}，赞成${r.yes}，反对${r.no}，弃权${r.abstain}，${r.passed ? '通过' : '未通过'}`;

/** A sheet name for the meeting: its number and day (names are at most 31 characters, unique, without []:*?/\). */
const sheetName = (m: BookMeeting, n: number) => `${n} ${m.heldOn} ${meetingKindLabels[m.kind].zh}`.slice(0, 31);

export const bookColumns = ['序号', '日期', '时间', '党组织', '会议类型', '主题', '地点', '主持人', '记录人', '主讲人', '应到', '出席', '请假', '缺席', '表决事项及结果'];

async function bookWorkbook(title: string, book: BookMeeting[]): Promise<Buffer> {
  // Loaded on demand: exceljs takes ~0.5 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const list = workbook.addWorksheet('会议一览', { views: [{ state: 'frozen', ySplit: 2 }] });
  list.columns = [6, 12, 7, 18, 12, 30, 16, 9, 9, 9, 6, 6, 6, 6, 60].map((width) => ({ width }));
  list.addRow([title]).font = { bold: true, size: 14 };
  list.addRow(bookColumns).font = { bold: true };
  book.forEach((m, i) => {
    const row = list.addRow([
      i + 1, m.heldOn, m.startsAt ?? '', m.orgName, meetingKindLabels[m.kind].zh, m.topic, m.place ?? '', m.host ?? '', m.recorder ?? '', m.lecturer ?? '',
      m.attendees.length, tally(m, 'present'), tally(m, 'excused'), tally(m, 'absent'), m.resolutions.map(votes).join('\n'),
    ]);
    row.getCell(15).alignment = { wrapText: true, vertical: 'top' };
  });
  book.forEach((m, i) => {
    const sheet = workbook.addWorksheet(sheetName(m, i + 1));
    sheet.columns = [14, 30, 10, 20, 8, 8, 8, 10].map((width) => ({ width }));
    sheet.addRow([`${m.orgName} ${meetingKindLabels[m.kind].zh}记录`]).font = { bold: true, size: 14 };
    const facts: [string, string | number | null][] = [
      ['会议类型', meetingKindLabels[m.kind].zh], ['主题', m.topic], ['日期', m.heldOn], ['时间', m.startsAt], ['地点', m.place],
      ['主持人', m.host], ['记录人', m.recorder], ['主讲人', m.lecturer],
      ['应到', m.attendees.length], ['出席', tally(m, 'present')], ['请假', tally(m, 'excused')], ['缺席', tally(m, 'absent')],
      ['议程', m.agenda], ['会议记录', m.minutes],
    ];
    for (const [label, value] of facts) {
      const row = sheet.addRow([label, value ?? '']);
      row.getCell(1).font = { bold: true };
      sheet.mergeCells(row.number, 2, row.number, 8);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    }
    sheet.addRow([]);
    sheet.addRow(['参会人员', '姓名', '出席情况', '请假事由']).font = { bold: true };
    for (const a of m.attendees) sheet.addRow(['', a.name, attendanceLabels[a.status], a.reason ?? '']);
    if (m.resolutions.length > 0) {
      sheet.addRow([]);
      sheet.addRow(['表决事项', '事项', '应到', '实到', '赞成', '反对', '弃权', '结果']).font = { bold: true };
      for (const r of m.resolutions) sheet.addRow(['', r.title, r.shouldAttend, r.present, r.yes, r.no, r.abstain, r.passed ? '通过' : '未通过']);
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The book of an organization the actor reads, with the file's name. */
export async function recordBook(ctx: ServiceContext, query: RecordBookQuery): Promise<{ fileName: string; content: Buffer }> {
  const org = await visibleOrg(ctx, query.org);
  if (query.from && query.to && query.from > query.to) {
    const params = { from: query.from, to: query.to };
    throw invalid('meetings.range_reversed', params, [{ path: 'query.to', key: 'meetings.range_reversed', params }]);
  }
  const span = query.from || query.to ? `（${query.from ?? ''}至${query.to ?? ''}）` : '';
  const kind = query.kind ? meetingKindLabels[query.kind].zh : '会议';
  const title = `${org.name}${query.subtree === 'true' ? '及下级组织' : ''}${kind}记录簿${span}`;
  return { fileName: `${title}.xlsx`, content: await bookWorkbook(title, await bookMeetings(ctx, org, query)) };
}
