/** Reading transfers: the boxes of a scope, one person's transfers, one transfer, and where a member may go. */
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can, inScope, permission, postsWith, type Actor } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import type { ServiceContext } from '../../../platform/service.js';
import type { OrgType } from '../../organizations/rules.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { maskIdNumber } from '../privacy.js';
import type { MemberCategory } from '../rules/pipeline.js';
import { memberships } from '../schema.js';
import type { PersonTransfers, TransferListQuery, TransferPermission, TransferView } from './contracts.js';
import { hasLetter, holdsMembers, receiveDue, transferRoles, type TransferKind, type TransferState } from './rules.js';
import { memberTransfers } from './schema.js';

/** The organization holding the record (the sender, or the receiver of a transfer in) and the receiver within the county. */
const holder = alias(organizations, 'holder');
const receiver = alias(organizations, 'receiver');

const columns = {
  t: memberTransfers,
  name: people.name,
  gender: people.gender,
  idNumber: people.idNumber,
  personPath: people.orgPath,
  category: memberships.category,
  holderCode: holder.code,
  holderName: holder.name,
  receiverCode: receiver.code,
  receiverName: receiver.name,
  receiverPath: receiver.path,
};
type Found = Awaited<ReturnType<typeof selectTransfers>>[number];

function selectTransfers(db: Db, where: SQL | undefined) {
  return db.select(columns)
    .from(memberTransfers)
    .innerJoin(people, and(eq(people.countyId, memberTransfers.countyId), eq(people.id, memberTransfers.personId)))
    .innerJoin(holder, and(eq(holder.countyId, memberTransfers.countyId), eq(holder.id, memberTransfers.orgId)))
    .leftJoin(receiver, and(eq(receiver.countyId, memberTransfers.countyId), eq(receiver.id, memberTransfers.toOrgId)))
    .leftJoin(memberships, and(eq(memberships.countyId, memberTransfers.countyId), eq(memberships.id, memberTransfers.membershipId)))
    .where(where);
}

/** Transfers the actor may read: held by, or sent to, an organization where they read people. */
const visibleTransfers = (actor: Actor): SQL => or(
  inScope(actor, 'person.read', { county: memberTransfers.countyId, path: memberTransfers.orgPath }),
  inScope(actor, 'person.read', { county: receiver.countyId, path: receiver.path }),
)!;

const refuse = (reason: TransferPermission['reason']): TransferPermission => ({ allowed: false, reason });

/** Whether the actor may act as one side of a transfer; acting on the other side instead says so. */
export function sidePermission(actor: Actor, side: 'sender' | 'receiver', senderPath: string, receiverPath: string | null): TransferPermission {
  const path = side === 'sender' ? senderPath : receiverPath!;
  const own = permission(actor, 'member.manage', path);
  if (own.allowed) return own;
  const other = side === 'sender' ? receiverPath : senderPath;
  if (other !== null && can(actor, 'member.manage', other)) return refuse(side === 'sender' ? 'sender_only' : 'receiver_only');
  return own;
}

function viewOf(actor: Actor, r: Found, today: string): TransferView {
  const { t } = r;
  const kind = t.kind as TransferKind;
  const state = t.state as TransferState;
  const roles = transferRoles(kind, state);
  const act = (side: 'sender' | 'receiver' | null) =>
    side === null ? refuse(state === 'sent' ? 'not_applicable' : 'not_pending') : sidePermission(actor, side, t.orgPath, r.receiverPath);
  const due = state === 'sent' && kind !== 'in' ? receiveDue(t.sentOn) : null;
  const holderRef = { code: r.holderCode, name: r.holderName };
  return {
    id: t.id,
    kind,
    state,
    person: {
      id: t.personId, name: r.name, gender: r.gender, idNumber: maskIdNumber(r.idNumber),
      category: (r.category as MemberCategory | null) ?? null, visible: can(actor, 'person.read', r.personPath),
    },
    from: kind === 'in' ? null : holderRef,
    to: kind === 'within' ? { code: r.receiverCode!, name: r.receiverName! } : kind === 'in' ? holderRef : null,
    externalOrg: t.externalOrg,
    sentOn: t.sentOn,
    decidedOn: t.decidedOn,
    due,
    overdue: due !== null && today > due,
    rejectReason: t.rejectReason,
    letterNo: t.letterNo,
    note: t.note,
    can: {
      receive: act(roles.receive),
      reject: act(roles.reject),
      cancel: act(roles.cancel),
      letter: hasLetter(kind, state) ? permission(actor, 'person.read_sensitive', t.orgPath) : refuse('not_applicable'),
    },
  };
}

const newestFirst = [sql`(${memberTransfers.state} = 'sent') desc`, desc(memberTransfers.sentOn), desc(memberTransfers.createdAt)];

/** One of the actor's boxes: transfers coming to, going from, or arriving into their organizations. */
export async function listTransfers(ctx: ServiceContext, query: TransferListQuery) {
  if (postsWith(ctx.actor, 'person.read').length === 0) throw forbidden();
  const box = {
    incoming: and(eq(memberTransfers.kind, 'within'), inScope(ctx.actor, 'person.read', { county: receiver.countyId, path: receiver.path })),
    outgoing: and(inArray(memberTransfers.kind, ['within', 'out']), inScope(ctx.actor, 'person.read', { county: memberTransfers.countyId, path: memberTransfers.orgPath })),
    arrivals: and(eq(memberTransfers.kind, 'in'), inScope(ctx.actor, 'person.read', { county: memberTransfers.countyId, path: memberTransfers.orgPath })),
  }[query.box];
  const where = and(box, query.state ? eq(memberTransfers.state, query.state) : undefined);
  const [counted] = await ctx.db.select({ n: count() })
    .from(memberTransfers)
    .leftJoin(receiver, and(eq(receiver.countyId, memberTransfers.countyId), eq(receiver.id, memberTransfers.toOrgId)))
    .where(where);
  const found = await selectTransfers(ctx.db, where).orderBy(...newestFirst).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const today = chinaDate(ctx.clock.now());
  return { total: counted?.n ?? 0, page: query.page, pageSize: query.pageSize, items: found.map((r) => viewOf(ctx.actor, r, today)) };
}

/** One transfer as the actor sees it; one they may not read does not exist for them. */
export async function getTransfer(ctx: ServiceContext, id: string, db: Db = ctx.db): Promise<TransferView> {
  const [found] = await selectTransfers(db, and(eq(memberTransfers.id, id), visibleTransfers(ctx.actor)));
  if (!found) throw notFound('transfers.not_found');
  return viewOf(ctx.actor, found, chinaDate(ctx.clock.now()));
}

/** A person's transfers, pending and done, and whether the actor may transfer or end their membership now. */
export async function personTransfers(ctx: ServiceContext, personId: string): Promise<PersonTransfers> {
  const [person] = await ctx.db.select().from(people)
    .where(and(eq(people.id, personId), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  if (!person) throw notFound('members.not_found');
  const found = await selectTransfers(ctx.db, and(eq(memberTransfers.countyId, person.countyId), eq(memberTransfers.personId, person.id)))
    .orderBy(...newestFirst);
  const [open] = await ctx.db.select({ orgPath: memberships.orgPath }).from(memberships)
    .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id), isNull(memberships.endedOn)));
  const manage = permission(ctx.actor, 'member.manage', open?.orgPath ?? person.orgPath);
  const change: TransferPermission = !manage.allowed ? manage
    : !open ? refuse('no_membership')
    : found.some((r) => r.t.state === 'sent') ? refuse('transfer_pending')
    : { allowed: true };
  const today = chinaDate(ctx.clock.now());
  return { items: found.map((r) => viewOf(ctx.actor, r, today)), can: { send: change, end: change } };
}

/**
 * Every organization of the county that may receive a member, for the sender to address a
 * transfer: names and codes of organizations are not personal data, and a member may move
 * anywhere in the county, far outside the sender's own scope.
 */
export async function transferTargets(ctx: ServiceContext) {
  if (postsWith(ctx.actor, 'member.manage').length === 0) throw forbidden();
  const parent = alias(organizations, 'parent');
  const active = await ctx.db
    .select({ id: organizations.id, parentId: organizations.parentId, code: organizations.code, name: organizations.name, pinyin: organizations.pinyin, type: organizations.type, parentName: parent.name })
    .from(organizations)
    .leftJoin(parent, and(eq(parent.countyId, organizations.countyId), eq(parent.id, organizations.parentId)))
    .where(and(eq(organizations.countyId, ctx.actor.countyId), eq(organizations.status, 'active')))
    .orderBy(asc(organizations.depth), asc(organizations.code));
  const childTypes = new Map<string, OrgType[]>();
  for (const o of active) if (o.parentId) childTypes.set(o.parentId, [...(childTypes.get(o.parentId) ?? []), o.type as OrgType]);
  return {
    items: active
      .filter((o) => holdsMembers(o.type as OrgType, childTypes.get(o.id) ?? []) === 'yes')
      .map(({ code, name, pinyin, parentName }) => ({ code, name, pinyin, parentName })),
  };
}
