import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { organizations } from '../../modules/organizations/schema.js';
import { meetingAttachments, meetings } from '../../modules/meetings/schema.js';
import { readSetting, storeSetting } from './settings.js';

const capSchema = z.object({ excellentCapPermille: z.number().int().min(0).max(1000) });
const defaults = { excellentCapPermille: 333 };

describe.each(engines)('county settings and stored bytes on %s', (engine) => {
  const t = useTestApp(engine);

  it('answers the defaults until the county stores its own value, then that value', async () => {
    const { db } = t.database;
    const county = t.county.county.id;
    expect(await readSetting(db, county, 'appraisal', capSchema, defaults)).toEqual(defaults);
    await storeSetting(db, county, 'appraisal', { excellentCapPermille: 250 }, null, new Date());
    expect(await readSetting(db, county, 'appraisal', capSchema, defaults)).toEqual({ excellentCapPermille: 250 });
    await storeSetting(db, county, 'appraisal', { excellentCapPermille: 300 }, null, new Date());
    expect(await readSetting(db, county, 'appraisal', capSchema, defaults)).toEqual({ excellentCapPermille: 300 });
  });

  it('falls back to the defaults when a stored value no longer fits its schema', async () => {
    const { db } = t.database;
    await storeSetting(db, t.county.county.id, 'appraisal', { excellentCapPermille: 'a third' }, null, new Date());
    expect(await readSetting(db, t.county.county.id, 'appraisal', capSchema, defaults)).toEqual(defaults);
  });

  it('keeps every byte of an attachment, NUL and high bytes included', async () => {
    const { db } = t.database;
    const county = t.county.county.id;
    const [org] = await db.select().from(organizations).where(and(eq(organizations.countyId, county), eq(organizations.code, '530522101001')));
    const [meeting] = await db.insert(meetings).values({ countyId: county, orgId: org!.id, orgPath: org!.path, kind: 'committee_meeting', status: 'held', heldOn: '2026-02-10', topic: '测试' }).returning();
    const content = Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) % 256));
    await db.insert(meetingAttachments).values({ countyId: county, meetingId: meeting!.id, fileName: '签到表.jpg', mediaType: 'image/jpeg', sizeBytes: content.length, content });
    const [row] = await db.select().from(meetingAttachments).where(and(eq(meetingAttachments.countyId, county), eq(meetingAttachments.meetingId, meeting!.id)));
    expect(Buffer.isBuffer(row!.content)).toBe(true);
    expect(row!.content.equals(content)).toBe(true);
  });
});
