import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAttachment } from '../modules/meetings/attachments.js';
import { demoAttachments, solidPng } from './attachments.js';
import { generateCounty } from './generate.js';
import { demoMeetings } from './meetings.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });

describe('a solid PNG', () => {
  it('has the signature, a header of its size and one filtered scanline per row', () => {
    const png = solidPng(3, 2, [1, 2, 3]);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3, 2]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect([...inflateSync(png.subarray(41, 41 + idatLength))]).toEqual([0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
    // The IHDR CRC of a 1×1 RGB image, as any PNG encoder writes it.
    expect(solidPng(1, 1, [0, 0, 0]).readUInt32BE(29)).toBe(0x907753de);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });
});

describe('the demo county’s meeting attachments', () => {
  const meetings = demoMeetings(demo, AS_OF);
  const attachments = demoAttachments(demo, AS_OF);

  it('keeps a sign-in sheet with each members\' meeting of the last three months, and with no other', () => {
    const recent = meetings.flatMap((m, i) => (m.kind === 'members_meeting' && m.heldOn > '2026-03-30' ? [i] : []));
    expect(recent.length).toBeGreaterThan(0);
    expect(attachments.map((a) => a.meeting)).toEqual(recent);
    for (const a of attachments) expect(a.fileName).toBe(`签到表-${meetings[a.meeting]!.heldOn}.png`);
  });

  it('holds files the attachment rules accept as what they claim to be', () => {
    for (const a of attachments) expect(checkAttachment(a.content)).toEqual({ mediaType: a.mediaType });
  });

  it('is the same every time', () => {
    expect(demoAttachments(demo, AS_OF)).toEqual(attachments);
  });
});
