import { describe, expect, it } from 'vitest';
import { adminUnitKind, childPath, depthOf, isWithin, mayContain, orgTypes, unitName } from './rules.js';

describe('organization rules', () => {
  it('lets branches hold only party groups and party groups hold nothing', () => {
    for (const child of orgTypes) {
      expect(mayContain('branch', child)).toBe(child === 'party_group');
      expect(mayContain('joint_branch', child)).toBe(child === 'party_group');
      expect(mayContain('party_group', child)).toBe(false);
    }
  });

  it('lets committees hold every kind of organization but party groups', () => {
    for (const child of orgTypes) expect(mayContain('committee', child)).toBe(child !== 'party_group');
  });

  it('keeps committees out of general branches', () => {
    expect(mayContain('general_branch', 'committee')).toBe(false);
    expect(mayContain('general_branch', 'branch')).toBe(true);
  });

  it('derives the admin unit name from the organization name', () => {
    expect(unitName('和顺镇党委')).toBe('和顺镇');
    expect(unitName('东风街道党工委')).toBe('东风街道');
    expect(unitName('马家村党支部')).toBe('马家村');
    expect(unitName('石桥村党总支')).toBe('石桥村');
    expect(unitName('上下村联合党支部')).toBe('上下村');
    expect(unitName('党支部')).toBe('党支部');
    expect(unitName('清水社区')).toBe('清水社区');
  });

  it('creates admin units only for township, street, village and community units', () => {
    expect(adminUnitKind('village')).toBe('village');
    expect(adminUnitKind('street')).toBe('street');
    expect(adminUnitKind('agency')).toBeNull();
    expect(adminUnitKind(null)).toBeNull();
  });

  it('builds paths whose prefixes are exactly the ancestors', () => {
    const root = childPath('', 1);
    const township = childPath(root, 7);
    const village = childPath(township, 42);
    expect(village).toBe('1.7.42.');
    expect(depthOf(root)).toBe(0);
    expect(depthOf(village)).toBe(2);
    expect(isWithin(village, township)).toBe(true);
    expect(isWithin(village, village)).toBe(true);
    expect(isWithin(childPath(root, 71), township)).toBe(false);
    expect(isWithin(township, village)).toBe(false);
  });
});
