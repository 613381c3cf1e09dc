/**
 * Photos and scans kept with a meeting's record. The type is read from the file's first bytes, never
 * from its name: a phone names a HEIC photo .jpg, and a renamed archive or program must not be served
 * back as an image. Reading follows the meeting ('org.read'); adding and removing are recording it
 * ('meeting.manage'), audited with the file's name and size.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { people } from '../people/schema.js';
import { users } from '../accounts/schema.js';
import type { AttachmentView } from './contracts.js';
import { managingPost, visibleMeeting, type MeetingRow } from './queries.js';
import { meetingAttachments } from './schema.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

/** What may be kept, by the signature its bytes begin with. */
const signatures: { mediaType: string; matches: (b: Buffer) => boolean }[] = [
  { mediaType: 'image/jpeg', matches: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mediaType: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mediaType: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mediaType: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The media type the bytes show, or null for anything else (a zip, a program, a HEIC photo, text). */
export function sniffMediaType(bytes: Buffer): string | null {
  return signatures.find((s) => s.matches(bytes))?.mediaType ?? null;
}

export type AttachmentProblem = 'empty' | 'too_big' | 'wrong_type';

/** Why a file cannot be kept, or its media type. */
export function checkAttachment(bytes: Buffer): { mediaType: string } | { problem: AttachmentProblem } {
  if (bytes.length === 0) return { problem: 'empty' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { problem: 'too_big' };
  const mediaType = sniffMediaType(bytes);
  return mediaType ? { mediaType } : { problem: 'wrong_type' };
}

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);

/** The meeting's attachments as its view lists them, oldest first, with the uploader's name. */
export async function listAttachments(ctx: ServiceContext, meeting: MeetingRow): Promise<AttachmentView[]> {
  const found = await ctx.db.select({
    id: meetingAttachments.id, fileName: meetingAttachments.fileName, mediaType: meetingAttachments.mediaType, sizeBytes: meetingAttachments.sizeBytes,
    createdAt: meetingAttachments.createdAt, uploadedBy: people.name,
  }).from(meetingAttachments)
    .leftJoin(users, and(eq(users.countyId, meetingAttachments.countyId), eq(users.id, meetingAttachments.uploadedBy)))
    .leftJoin(people, and(eq(people.countyId, users.countyId), eq(people.id, users.personId)))
    .where(and(eq(meetingAttachments.countyId, meeting.countyId), eq(meetingAttachments.meetingId, meeting.id)))
    .orderBy(asc(meetingAttachments.createdAt), asc(meetingAttachments.fileName), asc(meetingAttachments.id));
  return found.map(({ createdAt, ...a }) => ({ ...a, uploadedAt: createdAt.toISOString() }));
}

export async function addAttachment(ctx: ServiceContext, meetingId: string, file: { fileName: string; content: string }): Promise<AttachmentView> {
  const bytes = Buffer.from(file.content, 'base64');
  const checked = checkAttachment(bytes);
  if ('problem' in checked) {
    const params = { name: file.fileName, size: megabytes(bytes.length), limit: megabytes(MAX_ATTACHMENT_BYTES) };
    throw invalid(`meetings.attachment.${checked.problem}`, params, [{ path: 'body.content', key: `meetings.attachment.${checked.problem}`, params }]);
  }
  const id = await write(ctx, async (w) => {
    const { meeting, org } = await visibleMeeting(ctx, w.tx, meetingId, true);
    const post = managingPost(ctx, org);
    const [kept] = await w.tx.select({ n: count() }).from(meetingAttachments)
      .where(and(eq(meetingAttachments.countyId, meeting.countyId), eq(meetingAttachments.meetingId, meeting.id)));
    if ((kept?.n ?? 0) >= MAX_ATTACHMENTS) throw conflict('meetings.attachment.too_many', { name: file.fileName, limit: MAX_ATTACHMENTS });
    const [row] = await w.tx.insert(meetingAttachments).values({
      countyId: meeting.countyId, meetingId: meeting.id, fileName: file.fileName, mediaType: checked.mediaType, sizeBytes: bytes.length,
      content: bytes, uploadedBy: ctx.actor.userId, createdAt: w.now,
    }).returning({ id: meetingAttachments.id });
    w.audit({
      action: 'meeting.attachment.add', entityType: 'meeting', entityId: meeting.id, entityLabel: `${meeting.topic}：${file.fileName}`, orgPath: org.path,
      postId: post.postId, after: { attachmentId: row!.id, fileName: file.fileName, mediaType: checked.mediaType, sizeBytes: bytes.length },
    });
    return row!.id;
  });
  const { meeting } = await visibleMeeting(ctx, ctx.db, meetingId);
  return (await listAttachments(ctx, meeting)).find((a) => a.id === id)!;
}

async function attachmentOf(ctx: ServiceContext, meeting: MeetingRow, attachmentId: string, db = ctx.db) {
  const [found] = await db.select().from(meetingAttachments)
    .where(and(eq(meetingAttachments.countyId, meeting.countyId), eq(meetingAttachments.meetingId, meeting.id), eq(meetingAttachments.id, attachmentId)));
  if (!found) throw notFound('meetings.attachment.not_found');
  return found;
}

/** The file itself, for whoever may read the meeting. */
export async function readAttachment(ctx: ServiceContext, meetingId: string, attachmentId: string) {
  const { meeting } = await visibleMeeting(ctx, ctx.db, meetingId);
  const { fileName, mediaType, content } = await attachmentOf(ctx, meeting, attachmentId);
  return { fileName, mediaType, content };
}

export async function deleteAttachment(ctx: ServiceContext, meetingId: string, attachmentId: string): Promise<void> {
  await write(ctx, async (w) => {
    const { meeting, org } = await visibleMeeting(ctx, w.tx, meetingId, true);
    const post = managingPost(ctx, org);
    const { id, fileName, mediaType, sizeBytes } = await attachmentOf(ctx, meeting, attachmentId, w.tx);
    await w.tx.delete(meetingAttachments).where(and(eq(meetingAttachments.countyId, meeting.countyId), eq(meetingAttachments.id, id)));
    w.audit({
      action: 'meeting.attachment.delete', entityType: 'meeting', entityId: meeting.id, entityLabel: `${meeting.topic}：${fileName}`, orgPath: org.path,
      postId: post.postId, before: { attachmentId: id, fileName, mediaType, sizeBytes },
    });
  });
}
