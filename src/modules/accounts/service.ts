import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, gte, inArray, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import { roleAbilities, type Ability, type Role } from '../../platform/access/abilities.js';
import type { Actor, ActorPost } from '../../platform/access/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { chinaDate, type Clock } from '../../platform/clock.js';
import { counties } from '../../platform/db/counties.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, invalid } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import type { Me } from './contracts.js';
import { hashPassword, strongEnough, verifyPassword } from './passwords.js';
import { loginFailures, sessions, users } from './schema.js';

export const SESSION_DAYS = 7;
const THROTTLE_MINUTES = 15;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;

let standIn: Promise<string> | undefined;
const standInHash = () => (standIn ??= hashPassword(randomBytes(16).toString('hex')));

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Signs a user in and opens a session. Failures are counted per username and per address;
 * past the limit even the right password is refused until the window passes.
 */
export async function signIn(db: Db, clock: Clock, input: { username: string; password: string; ip: string }) {
  const now = clock.now();
  const since = new Date(now.getTime() - THROTTLE_MINUTES * 60_000);
  const [failures] = await db
    .select({
      byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${input.username})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${input.ip})`.mapWith(Number),
    })
    .from(loginFailures)
    .where(and(gte(loginFailures.at, since), or(eq(loginFailures.username, input.username), eq(loginFailures.ip, input.ip))));
  if (failures!.byUser >= MAX_FAILURES_PER_USER || failures!.byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError(429, 'throttled', 'auth.throttled', { minutes: THROTTLE_MINUTES });
  }
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  // Verify against a stand-in hash for unknown users so timing does not reveal which usernames exist.
  const ok = (await verifyPassword(user?.passwordHash ?? (await standInHash()), input.password)) && user !== undefined;
  if (!ok || !user) {
    await db.insert(loginFailures).values({ username: input.username, ip: input.ip, at: now });
    throw new AppError(401, 'bad_credentials', 'auth.bad_credentials');
  }
  if (user.disabled) throw new AppError(403, 'disabled', 'auth.disabled');
  const token = randomBytes(32).toString('base64url');
  const actor = await actorOf(db, now, user);
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.username, input.username));
    await tx.delete(sessions).where(and(eq(sessions.countyId, user.countyId), eq(sessions.userId, user.id), sql`${sessions.expiresAt} < ${now}`));
    await tx.insert(sessions).values({
      countyId: user.countyId,
      tokenHash: tokenHash(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    });
    await appendAudit(tx as unknown as Db, actor, now, [{ action: 'session.sign_in', entityType: 'user', entityId: user.id, entityLabel: user.username, orgPath: actor.posts[0]?.orgPath ?? null, after: { ip: input.ip } }]);
  });
  return { token, actor };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** The actor behind a session cookie, or null when it is unknown, expired or its user is disabled. */
/** The acting user of a session with their posts, in one round trip: it runs on every request. */
export async function actorFromSession(db: Db, clock: Clock, token: string): Promise<Actor | null> {
  const now = clock.now();
  const found = await db
    .select({ user: users, post: actorPostColumns })
    .from(sessions)
    .innerJoin(users, and(eq(users.countyId, sessions.countyId), eq(users.id, sessions.userId)))
    .leftJoin(posts, currentPostOf(users, chinaDate(now)))
    .leftJoin(organizations, activeOrgOf(posts))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  if (found.length === 0) return null;
  return actorFrom(found[0]!.user, found.flatMap((r) => (r.post.orgId ? [r.post as ActorPostRow] : [])));
}

type UserRow = typeof users.$inferSelect;

/** A user's current posts in active organizations make up what they may do and where. */
async function actorOf(db: Db, now: Date, user: UserRow): Promise<Actor> {
  const found = await db
    .select(actorPostColumns)
    .from(posts)
    .innerJoin(organizations, activeOrgOf(posts))
    .where(currentPostOf(user, chinaDate(now)));
  return actorFrom(user, found as ActorPostRow[]);
}

const actorPostColumns = { postId: posts.id, orgId: organizations.id, orgPath: organizations.path, orgName: organizations.name, role: posts.role };
type ActorPostRow = { postId: string; orgId: string; orgPath: string; orgName: string; role: string };

function currentPostOf(user: { countyId: SQLWrapper | string; personId: SQLWrapper | string }, today: string) {
  return and(
    eq(posts.countyId, user.countyId),
    eq(posts.personId, user.personId),
    sql`${posts.startedOn} <= ${today}`,
    or(isNull(posts.endedOn), gt(posts.endedOn, today)),
  );
}

function activeOrgOf(post: typeof posts) {
  return and(eq(organizations.countyId, post.countyId), eq(organizations.id, post.orgId), eq(organizations.status, 'active'));
}

function actorFrom(user: UserRow, postRows: ActorPostRow[]): Actor {
  return {
    kind: 'user',
    countyId: user.countyId,
    userId: user.id,
    personId: user.personId,
    label: user.username,
    posts: postRows.map((r) => ({ ...r, role: r.role as Role })) satisfies ActorPost[],
  };
}

export async function describeActor(db: Db, actor: Actor): Promise<Me> {
  const [row] = await db
    .select({ username: users.username, name: people.name, countyCode: counties.code, countyName: counties.name })
    .from(users)
    .innerJoin(people, and(eq(people.countyId, users.countyId), eq(people.id, users.personId)))
    .innerJoin(counties, eq(counties.id, users.countyId))
    .where(and(eq(users.countyId, actor.countyId), eq(users.id, actor.userId!)));
  const postRows = await db
    .select({ role: posts.role, title: posts.title, orgCode: organizations.code, orgName: organizations.name })
    .from(posts)
    .innerJoin(organizations, and(eq(organizations.countyId, posts.countyId), eq(organizations.id, posts.orgId)))
    .where(and(eq(posts.countyId, actor.countyId), inArray(posts.id, actor.posts.map((p) => p.postId!))));
  const granted = new Set<Ability>(actor.posts.flatMap((p) => roleAbilities[p.role]));
  return { ...row!, posts: postRows.map((p) => ({ ...p, role: p.role as Role })), abilities: [...granted] };
}

export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(and(eq(users.countyId, ctx.actor.countyId), eq(users.id, ctx.actor.userId!)));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid('auth.wrong_current_password', {}, [{ path: 'currentPassword', key: 'auth.wrong_current_password' }]);
  }
  if (!strongEnough(input.newPassword)) throw invalid('auth.weak_password', {}, [{ path: 'newPassword', key: 'auth.weak_password' }]);
  if (input.newPassword === input.currentPassword) throw invalid('auth.same_password', {}, [{ path: 'newPassword', key: 'auth.same_password' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await write(ctx, async (w) => {
    await w.tx.update(users).set({ passwordHash, passwordChangedAt: w.now }).where(and(eq(users.countyId, user.countyId), eq(users.id, user.id)));
    // Other sessions end: a changed password is often a reaction to a leaked one.
    await w.tx.delete(sessions).where(and(eq(sessions.countyId, user.countyId), eq(sessions.userId, user.id)));
    w.audit({ action: 'user.change_password', entityType: 'user', entityId: user.id, entityLabel: user.username, orgPath: ctx.actor.posts[0]?.orgPath ?? null });
  });
}
