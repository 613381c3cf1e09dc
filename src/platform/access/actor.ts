import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { roleAbilities, type Ability, type Role } from './abilities.js';

export interface ActorPost {
  postId: string | null;
  orgId: string;
  orgPath: string;
  orgName: string;
  role: Role;
}

/** Who is acting: a signed-in user in their posts, or an operator at the command line. */
export interface Actor {
  kind: 'user' | 'system';
  countyId: string;
  userId: string | null;
  personId: string | null;
  /** A username, or "cli:<command>" for operators. */
  label: string;
  posts: ActorPost[];
}

/** An operator at the command line acts as the county's administrator. */
export function systemActor(countyId: string, rootOrg: { id: string; path: string; name: string }, label: string): Actor {
  return {
    kind: 'system',
    countyId,
    userId: null,
    personId: null,
    label,
    posts: [{ postId: null, orgId: rootOrg.id, orgPath: rootOrg.path, orgName: rootOrg.name, role: 'county_admin' }],
  };
}

export function postsWith(actor: Actor, ability: Ability): ActorPost[] {
  return actor.posts.filter((p) => roleAbilities[p.role].includes(ability));
}

/** The post that grants `ability` over the node at `path`, if any (recorded in the audit trail). */
export function grantingPost(actor: Actor, ability: Ability, path: string): ActorPost | undefined {
  return postsWith(actor, ability).find((p) => path.startsWith(p.orgPath));
}

export function can(actor: Actor, ability: Ability, path: string): boolean {
  return grantingPost(actor, ability, path) !== undefined;
}

export type Permission = { allowed: true } | { allowed: false; reason: 'no_ability' | 'out_of_scope' };

/** Whether an action is allowed, and if not why: sent with the data so the UI can explain it. */
export function permission(actor: Actor, ability: Ability, path: string): Permission {
  if (can(actor, ability, path)) return { allowed: true };
  return { allowed: false, reason: postsWith(actor, ability).length === 0 ? 'no_ability' : 'out_of_scope' };
}

/** Subtree prefixes the actor may reach with an ability, without one nested inside another. */
export function scopePrefixes(actor: Actor, ability: Ability): string[] {
  const paths = [...new Set(postsWith(actor, ability).map((p) => p.orgPath))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((outer) => p.startsWith(outer)));
}

/**
 * THE scoping function: the condition every query of org-owned data carries. It keeps rows of the
 * actor's county whose organization path lies in a subtree where the actor holds `ability`.
 */
export function inScope(actor: Actor, ability: Ability, columns: { county: AnyPgColumn; path: AnyPgColumn }): SQL {
  const prefixes = scopePrefixes(actor, ability);
  if (prefixes.length === 0) return sql`false`;
  const paths = prefixes.map((p) => sql`${columns.path} like ${p + '%'}`);
  return and(eq(columns.county, actor.countyId), or(...paths))!;
}
