/**
 * A concern comes in: from the village's public page (no account) or entered by a cadre for a
 * villager, on their behalf or from a visit. Either way it is filed with the village's branch as
 * handler, state submitted, and its text kept exactly as given (pages render it as text).
 */
import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { grantingPost, type Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { insertRowSql } from '../../platform/db/insert-row.js';
import { searchVector } from '../../platform/text/search.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { ConcernSettings, OnBehalfInput, PublicSubmission } from './contracts.js';
import { isVillageBranch, submitterProblems, trackingCodeFrom, type Submitter } from './rules.js';
import { concernEvents, concerns } from './schema.js';
import { categoryOf, concernSettings } from './settings.js';

/** Whoever uses the public pages: no user, no post; what they do is recorded as the submitter's. */
export const publicActor = (countyId: string): Actor => ({ kind: 'system', countyId, userId: null, personId: null, label: 'public', posts: [] });

function refuseBadInput(settings: ConcernSettings, category: string | undefined, s: Submitter, fields: { category: string; name: string; phone: string }): void {
  const problems: FieldProblem[] = submitterProblems(s).map((p) => ({
    path: p.field === 'replyChannel' ? 'body.replyChannel' : `body.${fields[p.field]}`, key: `concerns.intake.${p.rule}`,
  }));
  if (category !== undefined && !categoryOf(settings, category)) {
    problems.unshift({ path: 'body.category', key: 'concerns.unknown_category', params: { category } });
  }
  if (problems.length > 0) throw invalid('concerns.invalid', {}, problems);
}

type NewConcern = Omit<typeof concerns.$inferInsert, 'trackingCode' | 'search' | 'state' | 'stateType' | 'handlerOrgId' | 'handlerOrgPath' | 'orgId' | 'orgPath' | 'countyId'>;

/**
 * Inserts the concern under a fresh tracking code (drawn again on the rare clash) and its first event
 * in one statement, atomic on its own: the public intake needs no transaction around it (issue §13),
 * and builds it without drizzle's insert builder, which cost more CPU than the rest of a submission.
 */
async function file(db: Db, userId: string | null, org: OrgRow, values: NewConcern, now: Date): Promise<{ id: string; trackingCode: string }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const insert = sql`${insertRowSql(concerns, {
      ...values, countyId: org.countyId, trackingCode: trackingCodeFrom(randomInt), orgId: org.id, orgPath: org.path,
      handlerOrgId: org.id, handlerOrgPath: org.path, state: 'submitted', stateType: 'new', search: searchVector(values.content),
    })} on conflict (${sql.identifier(concerns.trackingCode.name)}) do nothing returning ${concerns.id}, ${concerns.trackingCode}`;
    const result = await db.execute(sql`
      with filed as (${insert})
      insert into ${concernEvents} (county_id, concern_id, at, actor_user_id, action, to_state, to_state_type, handler_org_id, data)
      select ${org.countyId}, filed.id, ${now.toISOString()}::timestamptz, ${userId}::uuid, 'submit', 'submitted', 'new', ${org.id}::uuid, ${JSON.stringify({ channel: values.channel })}::jsonb
      from filed
      returning concern_id as id, (select tracking_code from filed) as "trackingCode"`);
    const [row] = (result as unknown as { rows: { id: string; trackingCode: string }[] }).rows;
    if (row) return row;
  }
  throw new AppError(503, 'busy', 'error.conflict');
}

const VILLAGE_TTL_MS = 30_000;
/** Per database: a code names an organization within one database only. */
const villageCache = new WeakMap<Db, Map<string, { org: OrgRow; until: number }>>();

/** The active village or community branch with this code, in whichever county. */
export async function publicVillage(db: Db, code: string): Promise<OrgRow> {
  const villages = villageCache.get(db) ?? new Map<string, { org: OrgRow; until: number }>();
  villageCache.set(db, villages);
  const hit = villages.get(code);
  if (hit && hit.until > Date.now()) return hit.org;
  const found = (await db.select().from(organizations).where(eq(organizations.code, code))).filter(isVillageBranch);
  if (found.length !== 1) throw notFound('concerns.village_not_found', { code });
  if (villages.size > 10_000) villages.clear();
  villages.set(code, { org: found[0]!, until: Date.now() + VILLAGE_TTL_MS });
  return found[0]!;
}

export async function submitPublic(db: Db, clock: ServiceContext['clock'], code: string, input: PublicSubmission): Promise<{ trackingCode: string }> {
  const org = await publicVillage(db, code);
  const settings = await concernSettings(db, org.countyId);
  const submitter = { anonymous: input.anonymous, name: input.name, phone: input.phone, replyChannel: input.replyChannel };
  refuseBadInput(settings, input.category, submitter, { category: 'category', name: 'name', phone: 'phone' });
  const now = clock.now();
  // No audit event: a flood of anonymous submissions would queue on the county's audit chain, and the
  // submit event is their record; every later step is audited.
  const row = await file(db, null, org, {
    channel: 'public', content: input.content, category: input.category ?? null, submitterName: input.name ?? null,
    submitterPhone: input.phone ?? null, anonymous: input.anonymous ?? false, replyChannel: input.replyChannel ?? 'none', receivedAt: now,
  }, now);
  return { trackingCode: row.trackingCode };
}

export async function submitOnBehalf(ctx: ServiceContext, input: OnBehalfInput): Promise<{ id: string; trackingCode: string }> {
  const org = await visibleOrg(ctx, input.orgCode);
  const post = grantingPost(ctx.actor, 'concern.handle', org.path);
  if (!post) throw forbidden('concerns.handle_forbidden');
  if (!isVillageBranch(org)) throw invalid('concerns.invalid', {}, [{ path: 'body.orgCode', key: 'concerns.not_a_village', params: { org: org.name } }]);
  const settings = await concernSettings(ctx.db, ctx.actor.countyId);
  const submitter = { anonymous: input.anonymous, name: input.submitterName, phone: input.submitterPhone, replyChannel: input.replyChannel };
  refuseBadInput(settings, input.category, submitter, { category: 'category', name: 'submitterName', phone: 'submitterPhone' });
  const problems: FieldProblem[] = [];
  if (input.householdId) {
    const [household] = await ctx.db.select({ orgId: households.orgId }).from(households)
      .where(and(eq(households.countyId, ctx.actor.countyId), eq(households.id, input.householdId)));
    if (household?.orgId !== org.id) problems.push({ path: 'body.householdId', key: 'concerns.household_elsewhere', params: { org: org.name } });
  }
  if (input.channel === 'visit') {
    const [visit] = input.visitId ? await ctx.db.select({ orgId: visits.orgId }).from(visits)
      .where(and(eq(visits.countyId, ctx.actor.countyId), eq(visits.id, input.visitId))) : [];
    if (visit?.orgId !== org.id) problems.push({ path: 'body.visitId', key: input.visitId ? 'concerns.visit_elsewhere' : 'concerns.visit_required', params: { org: org.name } });
  } else if (input.visitId) {
    problems.push({ path: 'body.visitId', key: 'concerns.visit_channel' });
  }
  if (problems.length > 0) throw invalid('concerns.invalid', {}, problems);
  return write(ctx, async (w) => {
    const row = await file(w.tx, ctx.actor.userId, org, {
      channel: input.channel, content: input.content, category: input.category ?? null, priority: input.priority ?? 'normal',
      householdId: input.householdId ?? null, visitId: input.visitId ?? null, enteredBy: ctx.actor.userId,
      submitterName: input.submitterName ?? null, submitterPhone: input.submitterPhone ?? null, anonymous: input.anonymous ?? false,
      replyChannel: input.replyChannel ?? 'none', receivedAt: w.now,
    }, w.now);
    w.audit({
      action: 'concern.submit', entityType: 'concern', entityId: row.id, entityLabel: row.trackingCode, orgPath: org.path, postId: post.postId,
      onBehalfOf: input.anonymous || !input.submitterName ? 'anonymous' : input.submitterName,
      after: { channel: input.channel, category: input.category ?? null, householdId: input.householdId ?? null, visitId: input.visitId ?? null },
    });
    return { id: row.id, trackingCode: row.trackingCode };
  });
}
