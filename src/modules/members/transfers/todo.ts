import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, postsWith } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import type { TodoItem, TodoProvider } from '../../../platform/todo/todo.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';
import { receiveDue } from './rules.js';
import { memberTransfers } from './schema.js';

const LIMIT = 50;

/**
 * For those who manage members: transfers waiting for them to receive, transfers of theirs that
 * were rejected while the member is still with them and nothing newer was sent, and letters out
 * of the county whose receipt has not come back.
 */
export const transferTodos: TodoProvider = async (ctx, lang) => {
  if (postsWith(ctx.actor, 'member.manage').length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const zh = lang === 'zh';
  const to = alias(organizations, 'to_org');
  const from = alias(organizations, 'from_org');
  const person = and(eq(people.countyId, memberTransfers.countyId), eq(people.id, memberTransfers.personId));
  const sender = and(eq(from.countyId, memberTransfers.countyId), eq(from.id, memberTransfers.orgId));
  const held = inScope(ctx.actor, 'member.manage', { county: memberTransfers.countyId, path: memberTransfers.orgPath });
  const dated = (sentOn: string) => ({ due: receiveDue(sentOn), overdue: today > receiveDue(sentOn) });

  const incoming = await ctx.db.select({ name: people.name, from: from.name, sentOn: memberTransfers.sentOn })
    .from(memberTransfers)
    .innerJoin(to, and(eq(to.countyId, memberTransfers.countyId), eq(to.id, memberTransfers.toOrgId)))
    .innerJoin(people, person)
    .innerJoin(from, sender)
    .where(and(eq(memberTransfers.state, 'sent'), eq(memberTransfers.kind, 'within'), inScope(ctx.actor, 'member.manage', { county: to.countyId, path: to.path })))
    .orderBy(asc(memberTransfers.sentOn)).limit(LIMIT);

  const rejected = await ctx.db.select({ personId: memberTransfers.personId, name: people.name, to: to.name, reason: memberTransfers.rejectReason })
    .from(memberTransfers)
    .innerJoin(to, and(eq(to.countyId, memberTransfers.countyId), eq(to.id, memberTransfers.toOrgId)))
    .innerJoin(people, person)
    .innerJoin(memberships, and(eq(memberships.countyId, memberTransfers.countyId), eq(memberships.id, memberTransfers.membershipId), isNull(memberships.endedOn)))
    .where(and(eq(memberTransfers.state, 'rejected'), held, sql`not exists (select 1 from ${memberTransfers} later
      where later.county_id = ${memberTransfers.countyId} and later.person_id = ${memberTransfers.personId} and later.created_at > ${memberTransfers.createdAt})`))
    .orderBy(desc(memberTransfers.decidedOn)).limit(LIMIT);

  const receipts = await ctx.db.select({ personId: memberTransfers.personId, name: people.name, to: memberTransfers.externalOrg, sentOn: memberTransfers.sentOn })
    .from(memberTransfers)
    .innerJoin(people, person)
    .where(and(eq(memberTransfers.state, 'sent'), eq(memberTransfers.kind, 'out'), held))
    .orderBy(asc(memberTransfers.sentOn)).limit(LIMIT);

  const items: TodoItem[] = [
    ...incoming.map((r) => ({
      kind: 'transfers.incoming',
      title: zh ? `接收${r.name}的组织关系` : `Receive ${r.name}'s membership`,
      detail: zh ? `${r.from}于 ${r.sentOn} 转来，请接收或退回` : `Sent by ${r.from} on ${r.sentOn}: receive or reject it`,
      link: '/transfers', ...dated(r.sentOn),
    })),
    ...rejected.map((r) => ({
      kind: 'transfers.rejected',
      title: zh ? `${r.name}的组织关系转接被退回` : `${r.name}'s transfer was rejected`,
      detail: zh ? `${r.to}：${r.reason}` : `${r.to}: ${r.reason}`,
      link: `/members/${r.personId}`,
    })),
    ...receipts.map((r) => ({
      kind: 'transfers.receipt',
      title: zh ? `${r.name}的组织关系回执未返回` : `No receipt yet for ${r.name}'s transfer`,
      detail: zh ? `${r.sentOn} 转往${r.to}` : `Sent to ${r.to} on ${r.sentOn}`,
      link: `/members/${r.personId}`, ...dated(r.sentOn),
    })),
  ];
  return items;
};
