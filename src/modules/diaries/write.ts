/**
 * Writing diaries: a cadre's diary of a village, optionally of a household and a visit there, and the
 * author's corrections. The search column is computed from the text on every write, so a correction
 * is found by its new words at once; each write is audited with the record before and after.
 */
import { and, eq } from 'drizzle-orm';
import { grantingPost, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, invalid } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { searchVector } from '../../platform/text/search.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { orgLabel, visibleOrg, type OrgRow } from '../organizations/queries.js';
import type { DiaryDetail, DiaryInput, DiaryPatch } from './contracts.js';
import { editPermission, getDiary, visibleDiary } from './queries.js';
import { checkDiary, type DiaryFacts } from './rules.js';
import { visitDiaries } from './schema.js';

interface Record {
  writtenOn: string;
  situation: string;
  problems: string | null;
  demands: string | null;
  plan: string | null;
  result: string | null;
  visitId: string | null;
  householdId: string | null;
}

const isVillage = (org: OrgRow) => (org.unitType === 'village' || org.unitType === 'community') && org.type !== 'party_group';

/** The post under which the actor writes about the village; a diary has an author, so an account without a person cannot. */
function recordingPost(ctx: ServiceContext, org: OrgRow): ActorPost {
  const post = grantingPost(ctx.actor, 'visit.record', org.path);
  if (!post) throw forbidden('diaries.record_forbidden', { org: org.name });
  if (!ctx.actor.personId) throw forbidden('diaries.no_person');
  return post;
}

async function refuseBroken(tx: Db, org: OrgRow, record: Record, today: string, lang: Lang): Promise<void> {
  const facts: DiaryFacts = { today, orgId: org.id, orgName: org.name };
  if (record.visitId) {
    const [visit] = await tx.select({ orgId: visits.orgId, visitedOn: visits.visitedOn }).from(visits)
      .where(and(eq(visits.countyId, org.countyId), eq(visits.id, record.visitId)));
    facts.visit = visit ?? null;
  }
  if (record.householdId) {
    const [household] = await tx.select({ orgId: households.orgId, headName: households.headName }).from(households)
      .where(and(eq(households.countyId, org.countyId), eq(households.id, record.householdId)));
    facts.household = household ?? null;
  }
  const problems = checkDiary(record, facts);
  if (problems.length === 0) return;
  const fields = problems.map((p) => ({ path: `body.${p.field}`, key: `diaries.rule.${p.rule}` as const, params: p.params }));
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('diaries.invalid', { detail }, fields);
}

const columnsOf = (r: Record) => ({ ...r, search: searchVector(r.situation, r.problems, r.demands, r.plan, r.result) });

const label = (org: OrgRow, writtenOn: string) => `${org.name} ${writtenOn} 民情日记`;

export async function createDiary(ctx: ServiceContext, input: DiaryInput, lang: Lang): Promise<DiaryDetail> {
  const id = await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    if (!isVillage(org)) {
      throw invalid('diaries.not_a_village', { org: org.name }, [{ path: 'body.orgCode', key: 'diaries.not_a_village', params: { org: org.name } }]);
    }
    const post = recordingPost(ctx, org);
    const record: Record = {
      writtenOn: input.writtenOn, situation: input.situation, problems: input.problems ?? null, demands: input.demands ?? null,
      plan: input.plan ?? null, result: input.result ?? null, visitId: input.visitId ?? null, householdId: input.householdId ?? null,
    };
    await refuseBroken(w.tx, org, record, chinaDate(w.now), lang);
    const [row] = await w.tx.insert(visitDiaries).values({
      countyId: org.countyId, authorId: ctx.actor.personId!, orgId: org.id, orgPath: org.path, ...columnsOf(record),
    }).returning({ id: visitDiaries.id });
    w.audit({
      action: 'diary.create', entityType: 'visit_diary', entityId: row!.id, entityLabel: label(org, record.writtenOn), orgPath: org.path, postId: post.postId,
      after: { org: orgLabel(org), ...record },
    });
    return row!.id;
  });
  return getDiary(ctx, id);
}

/** The author's correction: the fields sent replace the stored ones, and the whole is checked again. */
export async function editDiary(ctx: ServiceContext, id: string, patch: DiaryPatch, lang: Lang): Promise<DiaryDetail> {
  await write(ctx, async (w) => {
    const { diary, org } = await visibleDiary(ctx, w.tx, id, true);
    const allowed = editPermission(ctx, diary, org.path);
    if (!allowed.allowed) throw forbidden(allowed.reason === 'not_author' ? 'diaries.author_only' : 'diaries.record_forbidden', { org: org.name });
    const post = recordingPost(ctx, org);
    const before: Record = {
      writtenOn: diary.writtenOn, situation: diary.situation, problems: diary.problems, demands: diary.demands,
      plan: diary.plan, result: diary.result, visitId: diary.visitId, householdId: diary.householdId,
    };
    const after: Record = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
    await refuseBroken(w.tx, org, after, chinaDate(w.now), lang);
    await w.tx.update(visitDiaries).set({ ...columnsOf(after), updatedAt: w.now })
      .where(and(eq(visitDiaries.countyId, diary.countyId), eq(visitDiaries.id, diary.id)));
    w.audit({
      action: 'diary.update', entityType: 'visit_diary', entityId: diary.id, entityLabel: label(org, after.writtenOn), orgPath: org.path, postId: post.postId,
      before, after,
    });
  });
  return getDiary(ctx, id);
}
