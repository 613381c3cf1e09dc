import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { type ErrorBody, json } from '../../../test/support/http.js';
import { tinyPng } from '../../../test/support/files.js';
import { addMember } from '../../../test/support/members.js';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffMediaType } from './attachments.js';
import type { AttachmentView, MeetingDetail } from './contracts.js';
import { GROUP, MAJIA } from '../../../test/support/county.js';


const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const webp = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'latin1'), Buffer.alloc(8)]);
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1');

describe('the type of a file, from its bytes', () => {
  it.each([
    ['a PNG', tinyPng(), 'image/png'], ['a JPEG', jpeg, 'image/jpeg'], ['a WebP', webp, 'image/webp'], ['a PDF', pdf, 'application/pdf'],
    ['a zip', zip, null], ['a Windows program', exe, null], ['text', Buffer.from('hello'), null],
    ['a RIFF that is not WebP (a WAV)', Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WAVE', 'latin1')]), null],
    ['a HEIC photo', Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]), null],
    ['two bytes of a JPEG signature', Buffer.from([0xff, 0xd8]), null], ['a PNG signature cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47]), null],
  ])('%s is %s', (_what, bytes, expected) => {
    expect(sniffMediaType(bytes)).toBe(expected);
  });

  it('refuses an empty file, one over 10 MB, and any other type; keeps exactly 10 MB', () => {
    expect(checkAttachment(Buffer.alloc(0))).toEqual({ problem: 'empty' });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    jpeg.copy(big);
    expect(checkAttachment(big)).toEqual({ problem: 'too_big' });
    expect(checkAttachment(big.subarray(0, MAX_ATTACHMENT_BYTES))).toEqual({ mediaType: 'image/jpeg' });
    expect(checkAttachment(zip)).toEqual({ problem: 'wrong_type' });
    expect(MAX_ATTACHMENT_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_ATTACHMENTS).toBe(20);
  });
});


describe.each(engines)('meeting attachments and the record book on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['township', 'secretary', 'member', 'secretary2'],
    async prepare({ operator }) {
      for (const name of ['张一', '王二', '李三']) id[name] = (await addMember(operator, MAJIA, { name }, { category: 'full', fullOn: '2010-07-01' })).person.id;
    },
  });
  const send = (user: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, payload, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const create = async (body: object) => {
    const response = await send('secretary', 'POST', '/api/meetings', body);
    expect(response.statusCode, response.body).toBe(201);
    return json<MeetingDetail>(response);
  };
  const upload = (user: string, meetingId: string, fileName: string, bytes: Buffer, lang?: string) =>
    send(user, 'POST', `/api/meetings/${meetingId}/attachments`, { fileName, content: bytes.toString('base64') }, lang);
  const events = (action: string, meetingId: string) => t.database.db.select().from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, meetingId))).orderBy(auditEvents.seq);

  const present = (name: string) => ({ personId: id[name]!, status: 'present' });

  describe('attachments', () => {
    let meetingId = '';
    let photo: AttachmentView;

    it('keeps a photo and a scan with a meeting, lists them without their bytes, and serves them back', async () => {
      meetingId = (await create({ orgCode: MAJIA, kind: 'theme_day', status: 'held', heldOn: '2026-02-27', topic: '2月主题党日', attendees: [present('张一')] })).id;
      const png = tinyPng();
      const response = await upload('secretary', meetingId, '签到表.jpg', png);
      expect(response.statusCode, response.body).toBe(201);
      photo = json<AttachmentView>(response);
      // The name says JPEG, the bytes say PNG: the bytes decide.
      expect(photo).toMatchObject({ fileName: '签到表.jpg', mediaType: 'image/png', sizeBytes: png.length, uploadedBy: 'secretary' });
      expect(photo.uploadedAt).toBe(t.county.clock.now().toISOString());
      expect((await upload('secretary', meetingId, '会议记录.pdf', pdf)).statusCode).toBe(201);

      const detail = json<MeetingDetail>(await send('member', 'GET', `/api/meetings/${meetingId}`));
      expect(detail.attachments.map((a) => [a.fileName, a.mediaType, a.sizeBytes])).toEqual([['会议记录.pdf', 'application/pdf', pdf.length], ['签到表.jpg', 'image/png', png.length]]);
      expect(JSON.stringify(detail)).not.toContain(png.toString('base64'));

      const image = await send('member', 'GET', `/api/meetings/${meetingId}/attachments/${photo.id}`);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8\.jpg$/);
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.rawPayload.equals(png)).toBe(true);
      const scan = await send('secretary', 'GET', `/api/meetings/${meetingId}/attachments/${detail.attachments[0]!.id}`);
      expect(scan.headers['content-type']).toBe('application/pdf');
      expect(scan.headers['content-disposition']).toMatch(/^attachment; /);
      expect(scan.rawPayload.equals(pdf)).toBe(true);

      const [event] = await events('meeting.attachment.add', meetingId);
      expect(event).toMatchObject({ entityType: 'meeting', entityLabel: '2月主题党日：签到表.jpg', actorLabel: 'secretary', after: { fileName: '签到表.jpg', mediaType: 'image/png', sizeBytes: png.length } });
      expect(event!.actorPostId).not.toBeNull();
    });

    it('refuses an empty file, a fake image, a program and a file too big, naming the file', async () => {
      const refusal = async (fileName: string, bytes: Buffer, lang?: string) => {
        const response = await upload('secretary', meetingId, fileName, bytes, lang);
        expect(response.statusCode, response.body).toBe(400);
        return json<ErrorBody>(response).error;
      };
      expect(await refusal('空.png', Buffer.alloc(0))).toMatchObject({ code: 'invalid', message: '文件“空.png”是空文件', fields: [{ path: 'body.content', message: '文件“空.png”是空文件' }] });
      expect((await refusal('照片.jpg', zip)).message).toBe('文件“照片.jpg”不是 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容判断，与扩展名无关）');
      expect((await refusal('照片.jpg', exe, 'en')).message).toBe('The file "照片.jpg" is not a JPEG, PNG or WebP image or a PDF (judged by its content, whatever its name)');
      const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024 * 1024);
      jpeg.copy(big);
      expect((await refusal('大.jpg', big)).message).toBe('文件“大.jpg”有 11.0 MB，超过 10.0 MB 的上限');
      const notBase64 = await send('secretary', 'POST', `/api/meetings/${meetingId}/attachments`, { fileName: 'x.png', content: '不是base64' });
      expect(notBase64.statusCode).toBe(400);
      expect(json<MeetingDetail>(await send('secretary', 'GET', `/api/meetings/${meetingId}`)).attachments).toHaveLength(2);
    });

    it('refuses the 21st attachment of a meeting', async () => {
      const other = await create({ orgCode: MAJIA, kind: 'theme_day', status: 'held', heldOn: '2026-01-30', topic: '1月主题党日' });
      for (let i = 0; i < MAX_ATTACHMENTS; i++) expect((await upload('secretary', other.id, `${i}.jpg`, jpeg)).statusCode).toBe(201);
      const response = await upload('secretary', other.id, '第21张.jpg', jpeg);
      expect(response.statusCode).toBe(409);
      expect(json<ErrorBody>(response).error.message).toBe('每次会议最多 20 个附件，“第21张.jpg”未能上传；请先删除不需要的附件');
    });

    it('lets only those who record the meeting add or delete, and hides it from those outside', async () => {
      expect(json<ErrorBody>(await upload('member', meetingId, 'a.jpg', jpeg)).error.code).toBe('forbidden');
      expect((await send('member', 'DELETE', `/api/meetings/${meetingId}/attachments/${photo.id}`)).statusCode).toBe(403);
      for (const [method, url] of [['GET', `/api/meetings/${meetingId}/attachments/${photo.id}`], ['DELETE', `/api/meetings/${meetingId}/attachments/${photo.id}`]] as const) {
        const response = await send('secretary2', method, url);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await upload('secretary2', meetingId, 'a.jpg', jpeg)).statusCode).toBe(404);
      // An attachment asked for under another meeting is not found either.
      const other = await create({ orgCode: MAJIA, kind: 'theme_day', status: 'planned', plannedOn: '2026-03-27', topic: '3月主题党日' });
      expect((await send('secretary', 'GET', `/api/meetings/${other.id}/attachments/${photo.id}`)).statusCode).toBe(404);
    });

    it('deletes an attachment, audited with its name and size', async () => {
      const response = await send('township', 'DELETE', `/api/meetings/${meetingId}/attachments/${photo.id}`);
      expect(response.statusCode, response.body).toBe(204);
      expect((await send('secretary', 'GET', `/api/meetings/${meetingId}/attachments/${photo.id}`)).statusCode).toBe(404);
      expect(json<MeetingDetail>(await send('secretary', 'GET', `/api/meetings/${meetingId}`)).attachments.map((a) => a.fileName)).toEqual(['会议记录.pdf']);
      const [event] = await events('meeting.attachment.delete', meetingId);
      expect(event).toMatchObject({ actorLabel: 'township', before: { attachmentId: photo.id, fileName: '签到表.jpg', sizeBytes: photo.sizeBytes } });
      expect((await send('township', 'DELETE', `/api/meetings/${meetingId}/attachments/${photo.id}`)).statusCode).toBe(404);
    });
  });

  describe('the record book', () => {
    type Sheet = { name: string; rows: unknown[][] };
    const book = async (user: string, query: string): Promise<Sheet[]> => {
      const response = await send(user, 'GET', `/api/meetings/record-book.xlsx?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook.worksheets.map((s) => ({ name: s.name, rows: Array.from(s.getSheetValues().slice(1), (r) => (Array.isArray(r) ? r.slice(1) : [])) }));
    };
    const cells = (sheet: Sheet) => sheet.rows.map((r) => Array.from(r, (c) => c ?? ''));

    it('lists the held meetings of the organization in date order, then a sheet each with the whole record', async () => {
      await create({
        orgCode: MAJIA, kind: 'committee_meeting', status: 'held', heldOn: '2026-02-10', startsAt: '19:30', place: '村委会', topic: '研究春耕', agenda: '一、春耕；二、其他',
        hostId: id['张一'], recorderId: id['王二'], minutes: '会议研究了春耕工作。',
        attendees: [present('张一'), present('王二'), { personId: id['李三'], status: 'excused', reason: '外出务工' }],
        resolutions: [{ title: '同意春耕方案', shouldAttend: 3, present: 2, yes: 2, passed: true }],
      });
      await create({ orgCode: GROUP, kind: 'group_meeting', status: 'held', heldOn: '2026-02-12', topic: '小组学习', attendees: [present('张一'), { personId: id['王二'], status: 'absent' }] });
      const sheets = await book('secretary', `org=${MAJIA}&from=2026-02-01&to=2026-02-28`);
      expect(sheets.map((s) => s.name)).toEqual(['会议一览', '1 2026-02-10 支委会', '2 2026-02-27 主题党日']);
      const list = cells(sheets[0]!);
      expect(list[0]).toEqual(['马家村党支部会议记录簿（2026-02-01至2026-02-28）']);
      expect(list[1]).toEqual(['序号', '日期', '时间', '党组织', '会议类型', '主题', '地点', '主持人', '记录人', '主讲人', '应到', '出席', '请假', '缺席', '表决事项及结果']);
      expect(list[2]).toEqual([1, '2026-02-10', '19:30', '马家村党支部', '支委会', '研究春耕', '村委会', '张一', '王二', '', 3, 2, 1, 0, '同意春耕方案：应到3，实到2，赞成2，反对0，弃权0，通过']);
      expect(list[3]!.slice(0, 6)).toEqual([2, '2026-02-27', '', '马家村党支部', '主题党日', '2月主题党日']);
      expect(list).toHaveLength(4);
      const record = cells(sheets[1]!);
      expect(record[0]).toEqual(['马家村党支部 支委会记录']);
      const fact = (label: string) => record.find((r) => r[0] === label)?.[1];
      expect([fact('主题'), fact('日期'), fact('议程'), fact('会议记录'), fact('主持人'), fact('请假')]).toEqual(['研究春耕', '2026-02-10', '一、春耕；二、其他', '会议研究了春耕工作。', '张一', 1]);
      const names = record.slice(record.findIndex((r) => r[0] === '参会人员') + 1).filter((r) => r[0] === '' && typeof r[2] === 'string' && ['出席', '请假', '缺席'].includes(r[2]));
      expect(names.map((r) => r.slice(1, 4))).toEqual([['李三', '请假', '外出务工'], ['王二', '出席', ''], ['张一', '出席', '']]);
      expect(record.at(-1)).toEqual(['', '同意春耕方案', 3, 2, 2, 0, 0, '通过']);
    });

    it('takes the organizations below with subtree=true, one kind with kind, and leaves out planned meetings', async () => {
      const all = await book('township', `org=${MAJIA}&subtree=true`);
      expect(all.map((s) => s.name)).toEqual(['会议一览', '1 2026-01-30 主题党日', '2 2026-02-10 支委会', '3 2026-02-12 党小组会', '4 2026-02-27 主题党日']);
      expect(cells(all[0]!)[0]).toEqual(['马家村党支部及下级组织会议记录簿']);
      expect(cells(all[0]!)[4]!.slice(3, 5)).toEqual(['第一党小组', '党小组会']);
      const committee = await book('township', `org=${MAJIA}&kind=committee_meeting`);
      expect(committee.map((s) => s.name)).toEqual(['会议一览', '1 2026-02-10 支委会']);
      const empty = await book('secretary', `org=${MAJIA}&from=2025-01-01&to=2025-12-31`);
      expect(empty.map((s) => s.name)).toEqual(['会议一览']);
      expect(cells(empty[0]!)).toHaveLength(2);
    });

    it('names the file after the organization and the span', async () => {
      const response = await send('secretary', 'GET', `/api/meetings/record-book.xlsx?org=${MAJIA}&from=2026-01-01&to=2026-03-31`);
      expect(decodeURIComponent(response.headers['content-disposition']!.split("UTF-8''")[1]!)).toBe('马家村党支部会议记录簿（2026-01-01至2026-03-31）.xlsx');
    });

    it('refuses a reversed span and an organization out of reach', async () => {
      const reversed = await send('secretary', 'GET', `/api/meetings/record-book.xlsx?org=${MAJIA}&from=2026-03-01&to=2026-02-01`);
      expect(reversed.statusCode).toBe(400);
      expect(json<ErrorBody>(reversed).error.message).toBe('截止日期 2026-02-01 早于起始日期 2026-03-01');
      const outside = await send('secretary2', 'GET', `/api/meetings/record-book.xlsx?org=${MAJIA}`);
      expect(outside.statusCode).toBe(404);
      expect((await send('secretary', 'GET', '/api/meetings/record-book.xlsx?org=530522101001&subtree=yes')).statusCode).toBe(400);
    });
  });
});
