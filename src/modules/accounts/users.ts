import { and, asc, eq, inArray, isNull, or, gt, sql } from 'drizzle-orm';
import { roleLabels, type Role } from '../../platform/access/abilities.js';
import { grantingPost, postsWith, scopePrefixes, type Actor } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { organizations } from '../organizations/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { people, posts } from '../people/schema.js';
import type { UserView } from './contracts.js';
import { hashPassword, strongEnough } from './passwords.js';
import { sessions, users } from './schema.js';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  orgCode: string;
  name?: string;
  title?: string;
}

/** Creates a person, their post and their account in one step. */
export async function addUser(ctx: ServiceContext, input: NewUser): Promise<{ userId: string }> {
  if (!strongEnough(input.password)) throw invalid('auth.weak_password', {}, [{ path: 'password', key: 'auth.weak_password' }]);
  const passwordHash = await hashPassword(input.password);
  return write(ctx, async (w) => {
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = grantingPost(ctx.actor, 'user.manage', org.path);
    if (!post) throw forbidden();
    if (input.role === 'county_admin' && org.parentId !== null) {
      const params = { role: roleLabels[input.role].zh, org: org.name, type: org.type };
      throw invalid('user.role_needs_org_level', params, [{ path: 'role', key: 'user.role_needs_org_level', params }]);
    }
    const [taken] = await w.tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('user.username_taken', { username: input.username }, [{ path: 'username', key: 'user.username_taken', params: { username: input.username } }]);
    const name = input.name ?? input.username;
    const [person] = await w.tx
      .insert(people)
      .values({ countyId: org.countyId, name, pinyin: personPinyinKey(name), orgId: org.id, orgPath: org.path })
      .returning();
    const [newPost] = await w.tx
      .insert(posts)
      .values({ countyId: org.countyId, personId: person!.id, orgId: org.id, orgPath: org.path, role: input.role, title: input.title ?? roleLabels[input.role].zh, startedOn: chinaDate(w.now) })
      .returning();
    const [user] = await w.tx
      .insert(users)
      .values({ countyId: org.countyId, username: input.username, passwordHash, personId: person!.id })
      .returning();
    w.audit({ action: 'user.create', entityType: 'user', entityId: user!.id, entityLabel: input.username, orgPath: org.path, after: { username: input.username, name, role: input.role, orgCode: org.code, postId: newPost!.id }, postId: post.postId });
    return { userId: user!.id };
  });
}

/**
 * A user is in an administrator's charge when every current post of theirs lies in the
 * administrator's subtree: a township cannot reset the password of a county official who also
 * holds a post in the township.
 */
function managedCondition(actor: Actor, today: string) {
  const prefixes = scopePrefixes(actor, 'user.manage');
  if (prefixes.length === 0) return sql`false`;
  const inside = sql.join(prefixes.map((p) => sql`p.org_path like ${p + '%'}`), sql` or `);
  return sql`${users.countyId} = ${actor.countyId}
    and exists (select 1 from ${posts} p where p.county_id = ${users.countyId} and p.person_id = ${users.personId})
    and not exists (select 1 from ${posts} p where p.county_id = ${users.countyId} and p.person_id = ${users.personId}
      and (p.ended_on is null or p.ended_on > ${today}) and not (${inside}))`;
}

export async function listUsers(ctx: ServiceContext): Promise<UserView[]> {
  if (postsWith(ctx.actor, 'user.manage').length === 0) throw forbidden();
  const today = chinaDate(ctx.clock.now());
  const rows = await ctx.db
    .select({ id: users.id, personId: users.personId, username: users.username, name: people.name, disabled: users.disabled, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .innerJoin(people, and(eq(people.countyId, users.countyId), eq(people.id, users.personId)))
    .where(managedCondition(ctx.actor, today))
    .orderBy(asc(users.username));
  const postRows = rows.length === 0 ? [] : await ctx.db
    .select({ personId: posts.personId, role: posts.role, title: posts.title, orgCode: organizations.code, orgName: organizations.name })
    .from(posts)
    .innerJoin(organizations, and(eq(organizations.countyId, posts.countyId), eq(organizations.id, posts.orgId)))
    .where(and(eq(posts.countyId, ctx.actor.countyId), inArray(posts.personId, rows.map((r) => r.personId)), or(isNull(posts.endedOn), gt(posts.endedOn, today))))
    .orderBy(asc(organizations.path));
  return rows.map((r) => ({
    username: r.username,
    name: r.name,
    disabled: r.disabled,
    initialPassword: r.passwordChangedAt === null,
    posts: postRows.filter((p) => p.personId === r.personId).map(({ personId: _, ...p }) => ({ ...p, role: p.role as Role })),
  }));
}

/** A user in the actor's charge, or "not found" — the same answer as for a username that does not exist. */
async function managedUser(ctx: ServiceContext, tx: Db, username: string) {
  const [user] = await tx
    .select({ id: users.id, countyId: users.countyId, disabled: users.disabled, orgPath: sql<string>`(select min(p.org_path) from ${posts} p where p.county_id = ${users.countyId} and p.person_id = ${users.personId})` })
    .from(users)
    .where(and(eq(users.username, username), managedCondition(ctx.actor, chinaDate(ctx.clock.now()))));
  if (!user) throw notFound('user.not_found', { username });
  return user;
}

/** Sets a new password chosen by an administrator; the user is asked to change it at next sign-in. */
export async function resetPassword(ctx: ServiceContext, username: string, newPassword: string): Promise<void> {
  if (!strongEnough(newPassword)) throw invalid('auth.weak_password', {}, [{ path: 'newPassword', key: 'auth.weak_password' }]);
  const passwordHash = await hashPassword(newPassword);
  await write(ctx, async (w) => {
    const user = await managedUser(ctx, w.tx, username);
    await w.tx.update(users).set({ passwordHash, passwordChangedAt: null }).where(and(eq(users.countyId, user.countyId), eq(users.id, user.id)));
    await w.tx.delete(sessions).where(and(eq(sessions.countyId, user.countyId), eq(sessions.userId, user.id)));
    w.audit({ action: 'user.reset_password', entityType: 'user', entityId: user.id, entityLabel: username, orgPath: user.orgPath });
  });
}

/** Disabling signs the user out everywhere; the account and its history stay. */
export async function setDisabled(ctx: ServiceContext, username: string, disabled: boolean): Promise<void> {
  await write(ctx, async (w) => {
    const user = await managedUser(ctx, w.tx, username);
    if (user.id === ctx.actor.userId) throw invalid('user.cannot_disable_self');
    await w.tx.update(users).set({ disabled }).where(and(eq(users.countyId, user.countyId), eq(users.id, user.id)));
    if (disabled) await w.tx.delete(sessions).where(and(eq(sessions.countyId, user.countyId), eq(sessions.userId, user.id)));
    w.audit({ action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: user.id, entityLabel: username, orgPath: user.orgPath, before: { disabled: user.disabled }, after: { disabled } });
  });
}
