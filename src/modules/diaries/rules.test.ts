import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from '../../platform/text/search.js';
import type { Segment } from './contracts.js';
import { checkDiary, diarySnippets, matchSpans, searchTerms, snippetOf, SNIPPET_LENGTH, type DiaryFacts } from './rules.js';

const facts = (more: Partial<DiaryFacts> = {}): DiaryFacts => ({ today: '2026-03-02', orgId: 'majia', orgName: '马家村党支部', ...more });
const rules = (writtenOn: string, more: Partial<DiaryFacts> = {}) => checkDiary({ writtenOn }, facts(more)).map((p) => `${p.field}:${p.rule}`);

describe('a diary against what is stored', () => {
  it('accepts today and any past day, with or without links', () => {
    expect(rules('2026-03-02')).toEqual([]);
    expect(rules('2020-01-01')).toEqual([]);
    expect(rules('2026-03-02', { visit: { orgId: 'majia', visitedOn: '2026-03-01' }, household: { orgId: 'majia', headName: '马大' } })).toEqual([]);
    expect(rules('2026-03-01', { visit: { orgId: 'majia', visitedOn: '2026-03-01' } })).toEqual([]);
  });

  it('refuses a day after today', () => {
    expect(rules('2026-03-03')).toEqual(['writtenOn:future_date']);
    expect(checkDiary({ writtenOn: '2027-01-01' }, facts())[0]!.params).toEqual({ date: '2027-01-01', today: '2026-03-02' });
  });

  it('refuses a visit or household that does not exist, or is of another village', () => {
    expect(rules('2026-03-01', { visit: null })).toEqual(['visitId:visit_unknown']);
    expect(rules('2026-03-01', { visit: { orgId: 'shiqiao', visitedOn: '2026-03-01' } })).toEqual(['visitId:visit_elsewhere']);
    expect(rules('2026-03-01', { household: null })).toEqual(['householdId:household_unknown']);
    expect(rules('2026-03-01', { household: { orgId: 'shiqiao', headName: '石大' } })).toEqual(['householdId:household_elsewhere']);
  });

  it('refuses a diary dated before its visit', () => {
    expect(rules('2026-02-28', { visit: { orgId: 'majia', visitedOn: '2026-03-01' } })).toEqual(['writtenOn:before_visit']);
  });

  it('names every problem at once', () => {
    expect(rules('2026-04-01', { visit: null, household: { orgId: 'x', headName: '某' } })).toEqual(['writtenOn:future_date', 'visitId:visit_unknown', 'householdId:household_elsewhere']);
  });
});

const marked = (segments: Segment[] | null) => (segments ?? []).filter((s) => s.mark).map((s) => s.text);
const joined = (segments: Segment[] | null) => (segments ?? []).map((s) => s.text).join('');

describe('where a search matched', () => {
  const text = '村道硬化工程进展缓慢，群众希望尽快完工。';

  it.each([['道硬'], ['道硬化'], ['硬化工程进'], ['村道硬化工程进展缓慢']])('marks the substring %s from the middle of a word', (term) => {
    expect(marked(snippetOf(text, searchTerms(term)))).toEqual([term]);
  });

  it('marks nothing for characters that are not a substring', () => {
    expect(snippetOf(text, searchTerms('硬道'))).toBeNull();
    expect(snippetOf(text, searchTerms('缓慢群众'))).toBeNull();
  });

  it('marks every occurrence, and each term of a query with several', () => {
    expect(marked(snippetOf('修路修路再修路', searchTerms('修路')))).toEqual(['修路修路', '修路']);
    expect(marked(snippetOf(text, searchTerms('道硬 完工')))).toEqual(['道硬', '完工']);
  });

  it('merges overlapping matches into one mark', () => {
    expect(matchSpans('村道硬化工程', searchTerms('道硬 硬化'))).toEqual([[1, 4]]);
  });

  it('reads full-width and upper-case letters as the search does, and marks the original', () => {
    const wide = '购买ＷＩＦＩ设备和DAP化肥';
    expect(marked(snippetOf(wide, searchTerms('wifi')))).toEqual(['ＷＩＦＩ']);
    expect(marked(snippetOf(wide, searchTerms('DAP')))).toEqual(['DAP']);
  });

  it('matches a Latin term as a whole word only, as the stored words do', () => {
    expect(snippetOf('wifi2 设备', searchTerms('wifi'))).toBeNull();
    expect(marked(snippetOf('装了 wifi 设备', searchTerms('WiFi')))).toEqual(['wifi']);
  });

  it('keeps characters outside the basic plane whole', () => {
    const rare = '𠀀𠀁村道硬化';
    expect(marked(snippetOf(rare, searchTerms('道硬')))).toEqual(['道硬']);
    expect(joined(snippetOf(rare, searchTerms('道硬')))).toBe(rare);
  });

  it('cuts a long text to a window around the first match with ellipses, keeping the match whole', () => {
    const long = '甲'.repeat(200) + '危房改造' + '乙'.repeat(200);
    const segments = snippetOf(long, searchTerms('房改'))!;
    expect(segments[0]).toEqual({ text: '…', mark: false });
    expect(segments.at(-1)).toEqual({ text: '…', mark: false });
    expect(marked(segments)).toEqual(['房改']);
    expect(joined(segments).length).toBe(SNIPPET_LENGTH + 2);
    expect(joined(segments)).toContain('甲危房改造乙');
  });

  it('agrees with the search column: a term is marked exactly when its pairs follow one another in the stored tokens', () => {
    const texts = ['村道硬化工程进展缓慢', '村道，硬化', '饮水安全问题', '低保户王某家中有两名学生'];
    const terms = ['村道', '道硬', '硬化', '道硬化', '水安', '饮水安全', '两名学生', '王某家', '某家中', '低保', '缓慢'];
    for (const text of texts) {
      const tokens = ` ${searchTokens(text)} `;
      for (const term of terms) {
        const pairs = searchQuery(term)!.replace(/[()]/g, '').split(' <-> ');
        expect(snippetOf(text, searchTerms(term)) !== null, `${term} in ${text}`).toBe(tokens.includes(` ${pairs.join(' ')} `));
      }
    }
  });
});

describe('the snippets of a result', () => {
  const fields = { situation: '家中三口人，务农为主', problems: '房屋漏雨，需要危房改造', demands: '希望尽快危房改造', plan: null, result: null };

  it('shows each field the search matched, in the diary\'s order', () => {
    const snippets = diarySnippets(fields, searchTerms('危房'));
    expect(snippets.map((s) => s.field)).toEqual(['problems', 'demands']);
    expect(snippets.map((s) => marked(s.segments))).toEqual([['危房'], ['危房']]);
  });

  it('shows the start of the situation, unmarked, without a search or when no field shows the match', () => {
    expect(diarySnippets(fields, [])).toEqual([{ field: 'situation', segments: [{ text: '家中三口人，务农为主', mark: false }] }]);
    expect(diarySnippets(fields, searchTerms('不存在'))).toEqual([{ field: 'situation', segments: [{ text: '家中三口人，务农为主', mark: false }] }]);
    const long = { ...fields, situation: '长'.repeat(SNIPPET_LENGTH + 10) };
    expect(diarySnippets(long, [])[0]!.segments).toEqual([{ text: '长'.repeat(SNIPPET_LENGTH), mark: false }, { text: '…', mark: false }]);
  });
});
