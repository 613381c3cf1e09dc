/**
 * The demo county's organizational life, loaded after its organizations, people and posts: a year
 * of meetings with their photos, dues collected, remitted and used, the democratic appraisal, points
 * claimed and branches' star ratings. Rows come keyed by organization
 * code and person key from the pure demo generators; here they get their ids and paths.
 */
import { appraisalEntries, appraisalFollowups, appraisalRounds } from '../modules/appraisal/schema.js';
import { cadenceRules } from '../modules/compliance/schema.js';
import { duesBases, duesPayments, duesRemittances, duesUses } from '../modules/dues/schema.js';
import { meetingAttachments, meetingAttendees, meetingResolutions, meetings } from '../modules/meetings/schema.js';
import { pointEntries, starRatings } from '../modules/points/schema.js';
import type { WriteScope } from '../platform/service.js';
import { demoAppraisal } from './appraisal.js';
import { demoAttachments } from './attachments.js';
import { demoDues } from './dues.js';
import type { DemoCounty } from './generate.js';
import { insertRows } from './insert.js';
import { demoLocalRules, demoMeetings } from './meetings.js';
import { demoPoints } from './points.js';

export interface Loaded {
  countyId: string;
  orgRows: Map<string, { id: string; path: string }>;
  personIds: Map<string, string>;
}

export async function loadOrganizationalLife(w: WriteScope, demo: DemoCounty, { countyId, orgRows, personIds }: Loaded): Promise<Record<string, number>> {
  const org = (code: string) => orgRows.get(code)!;
  const withOrg = <T extends { personKey: string; orgCode: string }>({ personKey, orgCode, ...rest }: T) =>
    ({ countyId, personId: personIds.get(personKey)!, orgId: org(orgCode).id, orgPath: org(orgCode).path, ...rest });

  const year = demoMeetings(demo, demo.asOf);
  const meetingRows = year.map((m) => ({ countyId, id: crypto.randomUUID(), orgId: org(m.orgCode).id, orgPath: org(m.orgCode).path, kind: m.kind, status: 'held', heldOn: m.heldOn, topic: m.topic }));
  await insertRows(w.tx, meetings, meetingRows);
  await insertRows(w.tx, meetingAttendees, year.flatMap((m, i) => m.attendees.map((a) => ({
    countyId, meetingId: meetingRows[i]!.id, personId: personIds.get(a.personKey)!, status: a.status, reason: a.reason,
  }))));
  await insertRows(w.tx, meetingResolutions, year.flatMap((m, i) => (m.resolution ? [{ countyId, meetingId: meetingRows[i]!.id, position: 1, ...m.resolution, passed: true }] : [])));
  await insertRows(w.tx, meetingAttachments, demoAttachments(demo, demo.asOf).map((a) => ({
    countyId, meetingId: meetingRows[a.meeting]!.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.content.length, content: a.content,
  })));
  await w.tx.insert(cadenceRules).values(demoLocalRules.map((r) => ({ countyId, ...r })));

  const dues = demoDues(demo, demo.asOf);
  await insertRows(w.tx, duesBases, dues.bases.map(withOrg));
  await insertRows(w.tx, duesPayments, dues.payments.map(withOrg));
  await insertRows(w.tx, duesRemittances, dues.remittances.map(({ orgCode, toOrgCode, ...r }) => ({ countyId, orgId: org(orgCode).id, orgPath: org(orgCode).path, toOrgId: org(toOrgCode).id, ...r })));
  await insertRows(w.tx, duesUses, dues.uses.map(({ orgCode, ...u }) => ({ countyId, orgId: org(orgCode).id, orgPath: org(orgCode).path, ...u })));

  const appraisal = demoAppraisal(demo, demo.asOf);
  const roundIds = new Map(appraisal.rounds.map((r) => [`${r.orgCode}|${r.year}`, crypto.randomUUID()]));
  const roundOf = (r: { orgCode: string; year: number }) => roundIds.get(`${r.orgCode}|${r.year}`)!;
  await insertRows(w.tx, appraisalRounds, appraisal.rounds.map(({ orgCode, ...r }) => ({ countyId, id: roundOf({ orgCode, year: r.year }), orgId: org(orgCode).id, orgPath: org(orgCode).path, ...r })));
  await insertRows(w.tx, appraisalEntries, appraisal.entries.map(({ orgCode, year: y, personKey, ...e }) => ({ countyId, roundId: roundOf({ orgCode, year: y }), personId: personIds.get(personKey)!, ...e })));
  await insertRows(w.tx, appraisalFollowups, appraisal.followups.map(({ orgCode, year: y, personKey, ...f }) => ({ countyId, roundId: roundOf({ orgCode, year: y }), personId: personIds.get(personKey)!, ...f })));

  // Decisions are stamped at ten in the morning, China time, of a plausible day.
  const at = (day: string) => new Date(`${day < demo.asOf ? day : demo.asOf}T02:00:00Z`);
  const points = demoPoints(demo, demo.asOf);
  await insertRows(w.tx, pointEntries, points.entries.map((e) => ({ ...withOrg(e), decidedAt: e.status === 'approved' ? at(e.occurredOn) : null })));
  await insertRows(w.tx, starRatings, points.ratings.map(({ orgCode, personKey, ...r }) => ({
    countyId, subjectType: personKey ? 'member' : 'branch', personId: personKey ? personIds.get(personKey)! : null, orgId: org(orgCode).id, orgPath: org(orgCode).path, ...r,
    selfAt: at(`${r.year}-12-10`), reviewedAt: r.reviewScores ? at(`${r.year}-12-20`) : null, approvedAt: r.status === 'approved' ? at(`${r.year + 1}-01-10`) : null,
  })));

  return { meetings: meetingRows.length, duesPayments: dues.payments.length, appraisalRounds: appraisal.rounds.length, pointEntries: points.entries.length };
}
