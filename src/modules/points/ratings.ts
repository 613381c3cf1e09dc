/**
 * Star ratings of members and branches for a year, in three stages on one row: the subject's own
 * assessment (a member, or the secretary for them; a branch's secretary), the review of the level
 * above (for a member the branch's administrators, for a branch the township committee), and the
 * approval that fixes the stars (for a member the township committee, for a branch the county). The
 * approver may send it back one stage with a reason. Scores are per indicator of the county's list;
 * members are rated on their own indicators, not from their points (the ledger shows those beside).
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Ability } from '../../platform/access/abilities.js';
import { grantingPost, inScope, permission, type Actor, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import type { PermissionView } from '../../platform/http/contracts.js';
import { t, type Lang, type MessageKey, type Params } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { membersBetween } from '../dues/queries.js';
import { rootOrg } from '../organizations/county.js';
import { orgLabel, visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { ApproveInput, PointsSettings, RatingInput, RatingList, RatingListQuery, RatingStage, RatingSubject, RatingView, ReviewInput, SubjectType } from './contracts.js';
import { pointsSettings, yearSpan } from './queries.js';
import { approvedStars, checkScores, scoreTotal, stageBefore, stageFor, starsFor } from './rules.js';
import { starRatings } from './schema.js';

type RatingRow = typeof starRatings.$inferSelect;
type Scores = Record<string, number>;

/** Organizations rated as branches. */
const branchTypes = ['branch', 'joint_branch', 'general_branch'];

function refuse(problems: FieldProblem[], lang: Lang): never {
  const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('points.invalid_rating', { detail }, problems);
}
const problem = (path: string, key: MessageKey, params: Params = {}): FieldProblem => ({ path: `body.${path}`, key, params });

function checkedScores(scores: Scores, subject: SubjectType, settings: PointsSettings, lang: Lang): void {
  const indicators = subject === 'branch' ? settings.branchIndicators : settings.memberIndicators;
  const problems = checkScores(scores, indicators).map((p) => problem(p.path, `points.rating.${p.rule}`, p.params));
  if (problems.length > 0) refuse(problems, lang);
}

/** Who acts at each stage, as the ability over the subject's organization (the county's root for approving a branch). */
const stageAbility: Record<'self' | 'review' | 'approve', Record<SubjectType, Ability>> = {
  self: { member: 'member.manage', branch: 'member.manage' },
  review: { member: 'member.manage', branch: 'member.approve' },
  approve: { member: 'member.approve', branch: 'org.manage' },
};

interface Subject { type: SubjectType; orgPath: string; personId: string | null }

/** May the actor take `action` on the subject, whatever the stage: their post, and for a member never a review of oneself. */
function allowedFor(actor: Actor, action: 'self' | 'review' | 'approve', s: Subject, rootPath: string): PermissionView & { post?: ActorPost } {
  const own = s.personId !== null && s.personId === actor.personId;
  if (action === 'self' && own) return { allowed: true };
  if (action === 'review' && own) return { allowed: false };
  const path = action === 'approve' && s.type === 'branch' ? rootPath : s.orgPath;
  const post = grantingPost(actor, stageAbility[action][s.type], path);
  return post ? { allowed: true, post } : permission(actor, stageAbility[action][s.type], path);
}

function canOf(actor: Actor, s: Subject, stage: RatingStage | null, rootPath: string): RatingSubject['can'] {
  const at = (action: 'self' | 'review' | 'approve', stages: (RatingStage | null)[]): PermissionView => {
    if (!stages.includes(stage)) return { allowed: false };
    const { post: _post, ...p } = allowedFor(actor, action, s, rootPath);
    return p;
  };
  return {
    self: at('self', [null, stageFor.self]),
    review: at('review', [stageFor.review]),
    approve: at('approve', [stageFor.approve]),
    return: at('approve', ['reviewed', 'approved']),
  };
}

function viewOf(r: RatingRow, org: { code: string; name: string }, person: { id: string; name: string } | null, settings: PointsSettings): RatingView {
  const reviewTotal = r.reviewScores ? scoreTotal(r.reviewScores as Scores) : null;
  const subjectType = r.subjectType as SubjectType;
  return {
    id: r.id, subjectType, org, person, year: r.year, stage: r.status as RatingStage,
    selfScores: r.selfScores as Scores, selfTotal: scoreTotal(r.selfScores as Scores), selfNote: r.selfNote,
    reviewScores: r.reviewScores as Scores | null, reviewTotal, reviewNote: r.reviewNote,
    proposedStars: reviewTotal === null ? null : starsFor(reviewTotal, settings.ratingStars[subjectType]),
    stars: r.stars, returnReason: r.returnReason,
  };
}

/** Ratings the actor may read: branches over their reach, members where they read people, and their own. */
const readableRatings = (actor: Actor) => or(
  and(eq(starRatings.subjectType, 'branch'), inScope(actor, 'org.read', { county: starRatings.countyId, path: starRatings.orgPath })),
  inScope(actor, 'person.read', { county: starRatings.countyId, path: starRatings.orgPath }),
  actor.personId ? and(eq(starRatings.countyId, actor.countyId), eq(starRatings.personId, actor.personId)) : undefined,
)!;

/** A rating the actor may read, locked for the change; anything else is not found. */
async function lockedRating(ctx: ServiceContext, tx: Db, id: string): Promise<{ rating: RatingRow; org: OrgRow; label: string }> {
  const [found] = await tx.select({ rating: starRatings, org: organizations, name: people.name }).from(starRatings)
    .innerJoin(organizations, and(eq(organizations.countyId, starRatings.countyId), eq(organizations.id, starRatings.orgId)))
    .leftJoin(people, and(eq(people.countyId, starRatings.countyId), eq(people.id, starRatings.personId)))
    .where(and(eq(starRatings.id, id), readableRatings(ctx.actor))).for('update', { of: starRatings });
  if (!found) throw notFound('points.rating_not_found');
  return { ...found, label: `${found.name ?? orgLabel(found.org)} ${found.rating.year}` };
}

/** The post under which the actor takes `action`, refused when they may not; and the stage it needs. */
async function actingPost(ctx: ServiceContext, tx: Db, action: 'review' | 'approve', rating: RatingRow, stages: RatingStage[]): Promise<ActorPost | undefined> {
  const root = (await rootOrg(tx, ctx.actor.countyId))!;
  const allowed = allowedFor(ctx.actor, action, { type: rating.subjectType as SubjectType, orgPath: rating.orgPath, personId: rating.personId }, root.path);
  if (!allowed.allowed) throw forbidden(`points.rating_${action}_forbidden`);
  if (!stages.includes(rating.status as RatingStage)) throw conflict('points.rating_stage', { stage: rating.status });
  return allowed.post;
}

const snapshot = (r: RatingRow) => ({
  status: r.status, selfScores: r.selfScores, selfNote: r.selfNote, reviewScores: r.reviewScores, reviewNote: r.reviewNote, stars: r.stars, returnReason: r.returnReason,
});

/** Records or redoes a self-assessment, until the review. */
export async function selfAssess(ctx: ServiceContext, input: RatingInput, lang: Lang): Promise<RatingView> {
  const id = await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    const root = (await rootOrg(w.tx, ctx.actor.countyId))!;
    const subject = { type: input.subjectType, orgPath: org.path, personId: input.personId ?? null };
    const allowed = allowedFor(ctx.actor, 'self', subject, root.path);
    if (!allowed.allowed) throw forbidden('points.rating_self_forbidden', { org: org.name });
    const settings = await pointsSettings(w.tx, org.countyId);
    const thisYear = Number(chinaDate(w.now).slice(0, 4));
    if (input.year > thisYear) refuse([problem('year', 'points.rating.future_year', { year: input.year })], lang);
    if (input.subjectType === 'branch') {
      if (input.personId) refuse([problem('personId', 'points.rating.person_for_branch')], lang);
      if (!branchTypes.includes(org.type)) refuse([problem('orgCode', 'points.rating.not_a_branch', { org: org.name })], lang);
    } else {
      if (!input.personId) refuse([problem('personId', 'points.rating.person_required')], lang);
      const members = await membersBetween(w.tx, org, ...yearSpan(input.year));
      if (!members.some((m) => m.id === input.personId)) refuse([problem('personId', 'points.rating.not_member', { org: org.name, year: input.year })], lang);
    }
    checkedScores(input.scores, input.subjectType, settings, lang);
    const subjectRow = input.subjectType === 'branch'
      ? and(eq(starRatings.subjectType, 'branch'), eq(starRatings.orgId, org.id))
      : and(eq(starRatings.subjectType, 'member'), eq(starRatings.personId, input.personId!));
    const [existing] = await w.tx.select().from(starRatings)
      .where(and(eq(starRatings.countyId, org.countyId), eq(starRatings.year, input.year), subjectRow)).for('update');
    if (existing && existing.status !== stageFor.self) throw conflict('points.rating_past_self');
    const values = { selfScores: input.scores, selfNote: input.note ?? null, selfBy: ctx.actor.userId, selfAt: w.now, updatedAt: w.now };
    const [saved] = existing
      ? await w.tx.update(starRatings).set(values).where(and(eq(starRatings.countyId, existing.countyId), eq(starRatings.id, existing.id))).returning()
      : await w.tx.insert(starRatings).values({
        countyId: org.countyId, subjectType: input.subjectType, orgId: org.id, orgPath: org.path, personId: input.personId ?? null, year: input.year,
        status: stageFor.self, ...values,
      }).returning();
    w.audit({
      action: 'points.rating_self', entityType: 'star_rating', entityId: saved!.id, entityLabel: `${orgLabel(org)} ${input.year}`, orgPath: org.path,
      postId: allowed.post?.postId ?? null, before: existing ? snapshot(existing) : null, after: snapshot(saved!),
    });
    return saved!.id;
  });
  return ratingById(ctx, id);
}

export async function reviewRating(ctx: ServiceContext, id: string, input: ReviewInput, lang: Lang): Promise<RatingView> {
  await write(ctx, async (w) => {
    const { rating, org, label } = await lockedRating(ctx, w.tx, id);
    const post = await actingPost(ctx, w.tx, 'review', rating, [stageFor.review]);
    checkedScores(input.scores, rating.subjectType as SubjectType, await pointsSettings(w.tx, org.countyId), lang);
    const [saved] = await w.tx.update(starRatings).set({
      status: 'reviewed', reviewScores: input.scores, reviewNote: input.note ?? null, reviewedBy: ctx.actor.userId, reviewedAt: w.now, returnReason: null, updatedAt: w.now,
    }).where(and(eq(starRatings.countyId, rating.countyId), eq(starRatings.id, rating.id))).returning();
    w.audit({ action: 'points.rating_review', entityType: 'star_rating', entityId: rating.id, entityLabel: label, orgPath: org.path, postId: post?.postId ?? null, before: snapshot(rating), after: snapshot(saved!) });
  });
  return ratingById(ctx, id);
}

export async function approveRating(ctx: ServiceContext, id: string, input: ApproveInput, lang: Lang): Promise<RatingView> {
  await write(ctx, async (w) => {
    const { rating, org, label } = await lockedRating(ctx, w.tx, id);
    const post = await actingPost(ctx, w.tx, 'approve', rating, [stageFor.approve]);
    const settings = await pointsSettings(w.tx, org.countyId);
    const proposed = starsFor(scoreTotal(rating.reviewScores as Scores), settings.ratingStars[rating.subjectType as SubjectType]);
    const decided = approvedStars(proposed, input.stars, input.reason);
    if ('problem' in decided) refuse([problem('reason', 'points.rating.stars_reason', { stars: input.stars!, proposed })], lang);
    const [saved] = await w.tx.update(starRatings).set({ status: 'approved', stars: decided.stars, approvedBy: ctx.actor.userId, approvedAt: w.now, returnReason: null, updatedAt: w.now })
      .where(and(eq(starRatings.countyId, rating.countyId), eq(starRatings.id, rating.id))).returning();
    w.audit({
      action: 'points.rating_approve', entityType: 'star_rating', entityId: rating.id, entityLabel: label, orgPath: org.path, postId: post?.postId ?? null,
      before: snapshot(rating), after: { ...snapshot(saved!), proposedStars: proposed, reason: input.reason ?? null },
    });
  });
  return ratingById(ctx, id);
}

/** Sends a reviewed or approved rating back one stage; what the stage left is cleared (the audit trail keeps it). */
export async function returnRating(ctx: ServiceContext, id: string, reason: string): Promise<RatingView> {
  await write(ctx, async (w) => {
    const { rating, org, label } = await lockedRating(ctx, w.tx, id);
    const post = await actingPost(ctx, w.tx, 'approve', rating, ['reviewed', 'approved']);
    const back = stageBefore(rating.status as RatingStage)!;
    const cleared = back === 'reviewed'
      ? { stars: null, approvedBy: null, approvedAt: null }
      : { reviewScores: null, reviewNote: null, reviewedBy: null, reviewedAt: null };
    const [saved] = await w.tx.update(starRatings).set({ status: back, ...cleared, returnReason: reason, updatedAt: w.now })
      .where(and(eq(starRatings.countyId, rating.countyId), eq(starRatings.id, rating.id))).returning();
    w.audit({ action: 'points.rating_return', entityType: 'star_rating', entityId: rating.id, entityLabel: label, orgPath: org.path, postId: post?.postId ?? null, before: snapshot(rating), after: snapshot(saved!) });
  });
  return ratingById(ctx, id);
}

async function ratingById(ctx: ServiceContext, id: string): Promise<RatingView> {
  const [found] = await ctx.db.select({ rating: starRatings, code: organizations.code, orgName: organizations.name, name: people.name }).from(starRatings)
    .innerJoin(organizations, and(eq(organizations.countyId, starRatings.countyId), eq(organizations.id, starRatings.orgId)))
    .leftJoin(people, and(eq(people.countyId, starRatings.countyId), eq(people.id, starRatings.personId)))
    .where(and(eq(starRatings.id, id), readableRatings(ctx.actor)));
  if (!found) throw notFound('points.rating_not_found');
  const settings = await pointsSettings(ctx.db, ctx.actor.countyId);
  const person = found.rating.personId ? { id: found.rating.personId, name: found.name ?? '' } : null;
  return viewOf(found.rating, { code: found.code, name: found.orgName }, person, settings);
}

/**
 * The subjects of an organization and year with their ratings: the branches of its subtree, and when
 * it is a branch its members (all of them for those who read people, otherwise the user alone).
 */
export async function listRatings(ctx: ServiceContext, query: RatingListQuery): Promise<RatingList> {
  const org = await visibleOrg(ctx, query.org);
  const settings = await pointsSettings(ctx.db, org.countyId);
  const root = (await rootOrg(ctx.db, org.countyId))!;
  const branches = query.subjectType === 'member' ? [] : await ctx.db.select().from(organizations)
    .where(and(sql`${organizations.path} like ${org.path + '%'}`, inArray(organizations.type, branchTypes), eq(organizations.status, 'active'),
      inScope(ctx.actor, 'org.read', { county: organizations.countyId, path: organizations.path })))
    .orderBy(organizations.code);
  const members = query.subjectType === 'branch' || !branchTypes.includes(org.type) ? []
    : (await membersBetween(ctx.db, org, ...yearSpan(query.year)))
      .filter((m) => m.id === ctx.actor.personId || grantingPost(ctx.actor, 'person.read', org.path));
  const ratings = await ctx.db.select().from(starRatings)
    .where(and(eq(starRatings.year, query.year), sql`${starRatings.orgPath} like ${org.path + '%'}`, readableRatings(ctx.actor)));
  const orgRef = (o: OrgRow) => ({ code: o.code, name: o.name });
  const subject = (type: SubjectType, o: OrgRow, person: { id: string; name: string } | null): RatingSubject => {
    const row = ratings.find((r) => r.subjectType === type && (person ? r.personId === person.id : r.orgId === o.id));
    return {
      subjectType: type, org: orgRef(o), person, rating: row ? viewOf(row, orgRef(o), person, settings) : null,
      can: canOf(ctx.actor, { type, orgPath: o.path, personId: person?.id ?? null }, (row?.status as RatingStage | undefined) ?? null, root.path),
    };
  };
  return {
    year: query.year,
    items: [...branches.map((b) => subject('branch', b, null)), ...members.map((m) => subject('member', org, { id: m.id, name: m.name }))],
    indicators: { branch: settings.branchIndicators, member: settings.memberIndicators },
  };
}
