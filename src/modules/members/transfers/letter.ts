/**
 * The transfer letter (中国共产党党员组织关系介绍信) as offices print it: the letter to the receiving
 * organization and, below a cut line, the receipt stub (回执) it sends back. The letter carries the
 * full citizen ID number, so issuing it is a read of sensitive data: allowed to a post that may see
 * full numbers, and audited before the file leaves.
 */
import { and, eq } from 'drizzle-orm';
import { grantingPost } from '../../../platform/access/actor.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { write, type ServiceContext } from '../../../platform/service.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { genderLabels } from '../import-rows.js';
import { fullYears } from '../../../platform/dates.js';
import { ethnicityByCode } from '../rules/ethnicity.js';
import { memberCategoryLabels, type MemberCategory } from '../rules/pipeline.js';
import { memberships } from '../schema.js';
import { getTransfer } from './queries.js';
import { chineseDate, hasLetter, RECEIVE_WITHIN_DAYS } from './rules.js';
import { memberTransfers } from './schema.js';

export interface LetterFacts {
  letterNo: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string;
  category: MemberCategory;
  idNumber: string | null;
  from: string;
  to: string;
  /** Whether the receiver is in the county, so its name goes on the receipt to be stamped. */
  receiverKnown: boolean;
  /** YYYY-MM of the last month of dues paid; blank lines to fill in by hand when unknown. */
  duesPaidTo: string | null;
  issuedOn: string;
}

export interface LetterText {
  title: string;
  number: string;
  addressee: string;
  body: string[];
  signature: string[];
  receiptTitle: string;
  receiptAddressee: string;
  receiptBody: string;
  receiptSignature: string[];
}

/** The words of the letter and its receipt, in the conventional order. */
export function letterText(f: LetterFacts): LetterText {
  const gender = f.gender === '1' || f.gender === '2' ? genderLabels[f.gender].zh : '　';
  const age = f.birthDate ? `${fullYears(f.birthDate, f.issuedOn)}岁` : '　岁';
  const ethnicity = ethnicityByCode(f.ethnicity)?.zh ?? '　';
  const member = f.category === 'full' || f.category === 'probationary';
  const category = `${member ? '中共' : ''}${memberCategoryLabels[f.category].zh}`;
  const dues = f.duesPaidTo ? `${Number(f.duesPaidTo.slice(0, 4))}年${Number(f.duesPaidTo.slice(5, 7))}月` : '　　　　年　　月';
  return {
    title: '中国共产党党员组织关系介绍信',
    number: f.letterNo,
    addressee: `${f.to}：`,
    body: [
      `${f.name}同志（${gender}，${age}，${ethnicity}），系${category}，身份证号码${f.idNumber ?? '　'}，由${f.from}去${f.to}，请转接组织关系。`,
      `该同志党费已交到${dues}。`,
      `（有效期${RECEIVE_WITHIN_DAYS}天）`,
    ],
    signature: [`${f.from}（盖章）`, chineseDate(f.issuedOn)],
    receiptTitle: '回　执',
    receiptAddressee: `${f.from}：`,
    receiptBody: `${f.name}同志的党员组织关系已转达我处，特此回执。`,
    receiptSignature: [`${f.receiverKnown ? f.to : '接收党组织'}（盖章）`, '　　　　年　　月　　日'],
  };
}

/** A4, 仿宋 三号 body and 黑体 title, as docx.ts sets county documents; the letter number on both parts. */
export async function letterDocx(f: LetterFacts): Promise<Buffer> {
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } = await import('docx');
  const text = letterText(f);
  const run = (value: string, options: { bold?: boolean; size?: number; font?: string } = {}) =>
    new TextRun({ text: value, font: options.font ?? 'FangSong', size: options.size ?? 32, bold: options.bold });
  const title = (value: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 200 }, children: [run(value, { bold: true, size: 44, font: 'SimHei' })] });
  const right = (value: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 560 }, children: [run(value)] });
  const plain = (value: string) => new Paragraph({ spacing: { line: 560 }, children: [run(value)] });
  const body = (value: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(value)] });
  const cut = new Paragraph({
    spacing: { before: 400, after: 400 },
    border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 } },
    children: [run('（沿此线剪开，回执由接收党组织填写后寄回）', { size: 21 })],
  });
  const doc = new Document({
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 } } },
      children: [
        title(text.title), right(text.number), plain(text.addressee), ...text.body.map(body), ...text.signature.map(right),
        cut,
        title(text.receiptTitle), right(text.number), plain(text.receiptAddressee), body(text.receiptBody), ...text.receiptSignature.map(right),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** The letter of a transfer the actor sent (or may act for the sender of), recorded as a read of the full ID number. */
export async function transferLetter(ctx: ServiceContext, id: string, duesPaidTo: string | undefined): Promise<{ facts: LetterFacts; content: Buffer }> {
  const view = await getTransfer(ctx, id);
  if (!hasLetter(view.kind, view.state)) throw invalid(view.kind === 'in' ? 'transfers.no_letter_for_arrival' : 'transfers.no_letter_for_state');
  const facts = await write(ctx, async (w) => {
    const [row] = await w.tx.select({ t: memberTransfers, person: people, category: memberships.category, from: organizations.name })
      .from(memberTransfers)
      .innerJoin(people, and(eq(people.countyId, memberTransfers.countyId), eq(people.id, memberTransfers.personId)))
      .innerJoin(memberships, and(eq(memberships.countyId, memberTransfers.countyId), eq(memberships.id, memberTransfers.membershipId)))
      .innerJoin(organizations, and(eq(organizations.countyId, memberTransfers.countyId), eq(organizations.id, memberTransfers.orgId)))
      .where(and(eq(memberTransfers.countyId, ctx.actor.countyId), eq(memberTransfers.id, id)));
    const { t, person } = row!;
    const post = grantingPost(ctx.actor, 'person.read_sensitive', t.orgPath);
    if (!post) throw forbidden('transfers.letter_forbidden');
    w.audit({
      action: 'member.transfer_letter', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: t.orgPath, postId: post.postId,
      after: { transferId: t.id, letterNo: t.letterNo },
    });
    return {
      letterNo: t.letterNo ?? '', name: person.name, gender: person.gender, birthDate: person.birthDate, ethnicity: person.ethnicity,
      category: row!.category as MemberCategory, idNumber: person.idNumber, from: row!.from,
      to: view.to?.name ?? t.externalOrg ?? '', receiverKnown: view.to !== null, duesPaidTo: duesPaidTo ?? null, issuedOn: t.sentOn,
    } satisfies LetterFacts;
  });
  // Built after the commit: the document takes a while and needs no lock.
  return { facts, content: await letterDocx(facts) };
}
