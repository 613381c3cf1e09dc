import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from './search.js';

describe('search tokens', () => {
  it('stores Chinese text as its character pairs, in order', () => {
    expect(searchTokens('村道硬化')).toBe('村道 道硬 硬化');
  });

  it('keeps a single character between separators, and never pairs across punctuation or spaces', () => {
    expect(searchTokens('水，村道 路')).toBe('水 村道 路');
  });

  it('keeps letters and digits as lower-case words, apart from the characters beside them', () => {
    expect(searchTokens('5G基站 WiFi')).toBe('5g 基站 wifi');
  });

  it('reads full-width letters and digits as their ordinary forms', () => {
    expect(searchTokens('２号ＡＢ')).toBe('2 号 ab');
  });

  it('joins several texts and skips the missing ones', () => {
    expect(searchTokens('灌溉', null, undefined, '水渠')).toBe('灌溉 水渠');
  });

  it('is empty for text with nothing searchable', () => {
    expect(searchTokens('，。！ ', '')).toBe('');
  });
});

describe('search query', () => {
  it('makes a two-character term one pair', () => {
    expect(searchQuery('村道')).toBe('(村道)');
  });

  it('makes a longer term the phrase of its pairs, so any substring matches', () => {
    expect(searchQuery('道硬化')).toBe('(道硬 <-> 硬化)');
  });

  it('requires every term', () => {
    expect(searchQuery('村道 灌溉')).toBe('(村道) & (灌溉)');
  });

  it('keeps words of letters and digits, lower case', () => {
    expect(searchQuery('WiFi 信号')).toBe('(wifi) & (信号)');
  });

  it('has nothing to search for a lone Chinese character or only punctuation', () => {
    expect(searchQuery('水')).toBeNull();
    expect(searchQuery('村道 水')).toBeNull();
    expect(searchQuery('  ，！')).toBeNull();
  });

  it('leaves nothing of tsquery syntax a user typed', () => {
    expect(searchQuery("村道 & !'x' | (")).toBe('(村道) & (x)');
  });
});
