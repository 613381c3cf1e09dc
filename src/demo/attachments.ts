/**
 * Photos kept with the demo county's recent members' meetings: the sign-in sheet of each members'
 * meeting in the last three months, so that a meeting page shows its 附件 and the record book has
 * evidence behind it. The images are small solid PNGs (a real county's are photos): the demo stays
 * small, and every viewer decodes them.
 */
import { deflateSync } from 'node:zlib';
import { addMonths } from '../platform/dates.js';
import type { DemoCounty } from './generate.js';
import { demoMeetings } from './meetings.js';

export interface DemoAttachment {
  /** The meeting's index in demoMeetings(demo, asOf), as load.ts inserts them. */
  meeting: number;
  fileName: string;
  mediaType: string;
  content: Buffer;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A valid PNG of one colour (8-bit RGB, no interlace), with correct chunk CRCs. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // Each scanline: filter type 0, then the pixels.
  const line = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => line));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function demoAttachments(demo: DemoCounty, asOf: string): DemoAttachment[] {
  const since = addMonths(asOf, -3);
  const sheet = solidPng(48, 64, [245, 240, 228]);
  return demoMeetings(demo, asOf).flatMap((m, meeting) => (m.kind === 'members_meeting' && m.heldOn > since
    ? [{ meeting, fileName: `签到表-${m.heldOn}.png`, mediaType: 'image/png', content: sheet }]
    : []));
}
