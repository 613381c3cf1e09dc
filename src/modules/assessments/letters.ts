/**
 * Responsibility letters (责任书): a township or the county sets an organization of its subtree weighted
 * target items for a year. A draft's items are replaced all at once; signing fixes them; from the year's
 * last month the issuer scores each item from 0 to its weight, and the letter is scored when every item is.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { conflict, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, visibleOrg } from '../organizations/queries.js';
import type { CreateLetterInput, EditLetterInput, LetterView, ScoresInput } from './contracts.js';
import { refusal, refuseAll } from './problems.js';
import { getLetter, isIssuer, itemsOf, letterPost, listLetters, visibleLetter } from './queries.js';
import { itemScoreProblem, letterItemProblems, letterTotal, scoringOpensOn, weightSum } from './rules.js';
import { responsibilityItems, responsibilityLetters } from './schema.js';

const itemRows = (countyId: string, letterId: string, items: EditLetterInput['items']) =>
  items.map((item, position) => ({ countyId, letterId, position, title: item.title, target: item.target, weight: item.weight }));

export async function createLetter(ctx: ServiceContext, input: CreateLetterInput, lang: Lang): Promise<LetterView> {
  const id = await write(ctx, async (w) => {
    const issuer = await visibleOrg(ctx, input.issuerCode, w.tx);
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = letterPost(ctx, issuer);
    const problems: FieldProblem[] = [];
    if (!isIssuer(issuer)) problems.push({ path: 'body.issuerCode', key: 'assessments.letter.not_issuer', params: { org: issuer.name } });
    if (!org.path.startsWith(issuer.path) || org.path === issuer.path) problems.push({ path: 'body.orgCode', key: 'assessments.letter.not_below', params: { org: org.name, issuer: issuer.name } });
    refuseAll(lang, [...problems, ...letterItemProblems(input.items)]);
    const [letter] = await w.tx.insert(responsibilityLetters).values({
      countyId: org.countyId, issuerOrgId: issuer.id, orgId: org.id, orgPath: org.path, year: input.year, title: input.title, status: 'draft', createdBy: ctx.actor.userId,
    }).onConflictDoNothing().returning();
    if (!letter) throw conflict('assessments.letter_exists', { org: org.name, year: input.year, title: input.title });
    await w.tx.insert(responsibilityItems).values(itemRows(org.countyId, letter.id, input.items));
    w.audit({
      action: 'assessments.letter_create', entityType: 'responsibility_letter', entityId: letter.id, entityLabel: `${orgLabel(org)} ${input.year} ${input.title}`, orgPath: org.path, postId: post.postId,
      after: { issuer: issuer.code, year: input.year, title: input.title, items: input.items },
    });
    return letter.id;
  });
  return getLetter(ctx, id);
}

/** Replaces a draft's title and items all at once. */
export async function editLetter(ctx: ServiceContext, id: string, input: EditLetterInput, lang: Lang): Promise<LetterView> {
  await write(ctx, async (w) => {
    const { letter, issuer, org } = await visibleLetter(ctx, w.tx, id, true);
    const post = letterPost(ctx, issuer);
    if (letter.status !== 'draft') throw conflict('assessments.letter.not_draft', { title: letter.title });
    refuseAll(lang, letterItemProblems(input.items));
    const before = await itemsOf(w.tx, letter);
    const [clash] = input.title === letter.title ? [] : await w.tx.select({ id: responsibilityLetters.id }).from(responsibilityLetters)
      .where(and(eq(responsibilityLetters.countyId, letter.countyId), eq(responsibilityLetters.issuerOrgId, letter.issuerOrgId), eq(responsibilityLetters.orgId, letter.orgId),
        eq(responsibilityLetters.year, letter.year), eq(responsibilityLetters.title, input.title)));
    if (clash) throw conflict('assessments.letter_exists', { org: org.name, year: letter.year, title: input.title });
    await w.tx.update(responsibilityLetters).set({ title: input.title, updatedAt: w.now }).where(and(eq(responsibilityLetters.countyId, letter.countyId), eq(responsibilityLetters.id, letter.id)));
    await w.tx.delete(responsibilityItems).where(and(eq(responsibilityItems.countyId, letter.countyId), eq(responsibilityItems.letterId, letter.id)));
    await w.tx.insert(responsibilityItems).values(itemRows(letter.countyId, letter.id, input.items));
    w.audit({
      action: 'assessments.letter_edit', entityType: 'responsibility_letter', entityId: letter.id, entityLabel: `${orgLabel(org)} ${letter.year} ${input.title}`, orgPath: org.path, postId: post.postId,
      before: { title: letter.title, items: before.map(({ title, target, weight }) => ({ title, target, weight })) }, after: { title: input.title, items: input.items },
    });
  });
  return getLetter(ctx, id);
}

/** A draft is withdrawn whole, items and all; a signed letter stays on record. */
export async function deleteLetter(ctx: ServiceContext, id: string): Promise<void> {
  await write(ctx, async (w) => {
    const { letter, issuer, org } = await visibleLetter(ctx, w.tx, id, true);
    const post = letterPost(ctx, issuer);
    if (letter.status !== 'draft') throw conflict('assessments.letter.signed_kept', { title: letter.title });
    const items = await itemsOf(w.tx, letter);
    await w.tx.delete(responsibilityLetters).where(and(eq(responsibilityLetters.countyId, letter.countyId), eq(responsibilityLetters.id, letter.id)));
    w.audit({
      action: 'assessments.letter_delete', entityType: 'responsibility_letter', entityId: letter.id, entityLabel: `${orgLabel(org)} ${letter.year} ${letter.title}`, orgPath: org.path, postId: post.postId,
      before: { issuer: issuer.code, year: letter.year, title: letter.title, items: items.map(({ title, target, weight }) => ({ title, target, weight })) },
    });
  });
}

/** Signing fixes the items: on a day not after today, in the letter's year or the one before (letters are often signed in the winter before). */
export async function signLetter(ctx: ServiceContext, id: string, input: { signedOn: string }, lang: Lang): Promise<LetterView> {
  await write(ctx, async (w) => {
    const { letter, issuer, org } = await visibleLetter(ctx, w.tx, id, true);
    const post = letterPost(ctx, issuer);
    if (letter.status !== 'draft') throw conflict('assessments.letter.already_signed', { title: letter.title, date: letter.signedOn ?? '' });
    const today = chinaDate(w.now);
    if (input.signedOn > today) throw refusal(lang, [{ path: 'body.signedOn', key: 'assessments.future', params: { date: input.signedOn, today } }]);
    if (input.signedOn < `${letter.year - 1}-01-01` || input.signedOn > `${letter.year}-12-31`) {
      throw refusal(lang, [{ path: 'body.signedOn', key: 'assessments.letter.sign_year', params: { date: input.signedOn, year: letter.year } }]);
    }
    const items = await itemsOf(w.tx, letter);
    await w.tx.update(responsibilityLetters).set({ status: 'signed', signedOn: input.signedOn, updatedAt: w.now })
      .where(and(eq(responsibilityLetters.countyId, letter.countyId), eq(responsibilityLetters.id, letter.id)));
    w.audit({
      action: 'assessments.letter_sign', entityType: 'responsibility_letter', entityId: letter.id, entityLabel: `${orgLabel(org)} ${letter.year} ${letter.title}`, orgPath: org.path, postId: post.postId,
      after: { signedOn: input.signedOn, items: items.length, weightSum: weightSum(items) },
    });
  });
  return getLetter(ctx, id);
}

/** Scores items (null clears one); the letter is scored on `scoredOn` once every item has a score. */
export async function scoreLetter(ctx: ServiceContext, id: string, input: ScoresInput, lang: Lang): Promise<LetterView> {
  await write(ctx, async (w) => {
    const { letter, issuer, org } = await visibleLetter(ctx, w.tx, id, true);
    const post = letterPost(ctx, issuer);
    if (letter.status === 'draft') throw conflict('assessments.letter.unsigned', { title: letter.title });
    const today = chinaDate(w.now);
    const problems: FieldProblem[] = [];
    if (input.scoredOn > today) problems.push({ path: 'body.scoredOn', key: 'assessments.future', params: { date: input.scoredOn, today } });
    if (input.scoredOn < scoringOpensOn(letter.year)) problems.push({ path: 'body.scoredOn', key: 'assessments.letter.too_early', params: { date: input.scoredOn, opens: scoringOpensOn(letter.year) } });
    if (letter.signedOn && input.scoredOn < letter.signedOn) problems.push({ path: 'body.scoredOn', key: 'assessments.letter.before_signing', params: { date: input.scoredOn, signed: letter.signedOn } });
    const items = await itemsOf(w.tx, letter);
    const byId = new Map(items.map((i) => [i.id, i]));
    const seen = new Set<string>();
    input.items.forEach((s, k) => {
      const item = byId.get(s.id);
      if (!item || seen.has(s.id)) problems.push({ path: `body.items.${k}.id`, key: 'assessments.letter.unknown_item', params: { id: s.id } });
      else if (s.score !== null && itemScoreProblem(item.weight, s.score)) problems.push({ path: `body.items.${k}.score`, key: 'assessments.letter.bad_score', params: { title: item.title, weight: item.weight, score: s.score } });
      seen.add(s.id);
    });
    refuseAll(lang, problems);
    const after = items.map((i) => {
      const change = input.items.find((s) => s.id === i.id);
      return change ? { ...i, score: change.score, note: change.note === undefined ? i.note : change.note } : i;
    });
    for (const s of input.items) {
      await w.tx.update(responsibilityItems).set({ score: s.score, ...(s.note === undefined ? {} : { note: s.note }) })
        .where(and(eq(responsibilityItems.countyId, letter.countyId), eq(responsibilityItems.id, s.id)));
    }
    const total = letterTotal(after);
    const done = total !== null;
    await w.tx.update(responsibilityLetters).set({ status: done ? 'scored' : 'signed', scoredOn: done ? input.scoredOn : null, updatedAt: w.now })
      .where(and(eq(responsibilityLetters.countyId, letter.countyId), eq(responsibilityLetters.id, letter.id)));
    w.audit({
      action: 'assessments.letter_score', entityType: 'responsibility_letter', entityId: letter.id, entityLabel: `${orgLabel(org)} ${letter.year} ${letter.title}`, orgPath: org.path, postId: post.postId,
      before: { scores: items.map((i) => ({ title: i.title, score: i.score })) }, after: { scoredOn: input.scoredOn, total, scores: after.map((i) => ({ title: i.title, score: i.score })) },
    });
  });
  return getLetter(ctx, id);
}

const statusLabels = { draft: '草稿', signed: '已签订', scored: '已评分' } as const;

/** The list of a year (one issuer's, or all the user reads) as a workbook, ranked as on the page. */
export async function exportLetters(ctx: ServiceContext, query: { year: number; issuer?: string | undefined }): Promise<Buffer> {
  const list = await listLetters(ctx, query);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${query.year}年度责任书`);
  sheet.columns = [
    { header: '签订单位', width: 20 }, { header: '责任单位', width: 20 }, { header: '组织编码', width: 16 }, { header: '名称', width: 30 }, { header: '状态', width: 10 },
    { header: '签订日期', width: 12 }, { header: '评分日期', width: 12 }, { header: '目标项数', width: 10 }, { header: '权重合计', width: 10 }, { header: '得分', width: 10 }, { header: '排名', width: 8 },
  ];
  for (const l of list.items) {
    sheet.addRow([l.issuer.name, l.org.name, l.org.code, l.title, statusLabels[l.status], l.signedOn ?? '', l.scoredOn ?? '', l.items, l.weightSum, l.total ?? '', l.rank ?? '']);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
