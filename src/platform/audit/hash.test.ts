import { describe, expect, it } from 'vitest';
import { asStoredJson, canonicalJson, eventHash, GENESIS_HASH, type ChainedEvent } from './hash.js';

const event: ChainedEvent = {
  countyId: 'c1', seq: 1, id: 'e1', at: new Date('2026-03-02T02:00:00.123Z'), actorUserId: null, actorPostId: null,
  actorLabel: 'cli:init', onBehalfOf: null, action: 'organization.create', entityType: 'organization', entityId: 'o1', entityLabel: '测试县委（530522）',
  orgPath: '1.', before: null, after: { name: '测试县委', code: '530522' }, prevHash: GENESIS_HASH,
};

describe('audit hashing', () => {
  it('sorts object keys at every level and writes dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: new Date('2026-01-01T00:00:00Z') } }))
      .toBe('{"a":{"c":"2026-01-01T00:00:00.000Z","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('drops undefined keys as JSON does, so a value hashes the same after a jsonb round trip', () => {
    const stored = asStoredJson({ x: undefined, when: new Date('2026-01-01T00:00:00Z'), n: 1.5 });
    expect(stored).toEqual({ when: '2026-01-01T00:00:00.000Z', n: 1.5 });
    expect(eventHash({ ...event, after: stored })).toBe(eventHash({ ...event, after: JSON.parse(JSON.stringify(stored)) }));
  });

  it('gives the same hash whatever the key order of before and after', () => {
    expect(eventHash({ ...event, after: { code: '530522', name: '测试县委' } })).toBe(eventHash(event));
  });

  it('changes the hash when any protected field changes', () => {
    const base = eventHash(event);
    const variants: Partial<ChainedEvent>[] = [
      { countyId: 'c2' }, { seq: 2 }, { id: 'e2' }, { at: new Date('2026-03-02T02:00:00.124Z') }, { actorUserId: 'u' },
      { actorPostId: 'p' }, { actorLabel: 'x' }, { onBehalfOf: 'v' }, { action: 'organization.update' }, { entityType: 'user' },
      { entityId: 'o2' }, { entityLabel: '别的' }, { orgPath: '1.2.' }, { before: {} }, { after: { name: '测试县委', code: '530523' } }, { prevHash: 'f'.repeat(64) },
    ];
    for (const variant of variants) expect(eventHash({ ...event, ...variant }), JSON.stringify(variant)).not.toBe(base);
  });
});
