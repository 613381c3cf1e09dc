/**
 * The pure rules of visit diaries: what makes a diary acceptable, and where a search matched its
 * text, for the snippets shown in the results.
 */
import type { DiaryField, Segment, Snippet } from './contracts.js';

export interface DiaryFacts {
  today: string;
  /** The village written about. */
  orgId: string;
  orgName: string;
  /** The linked visit as stored, or null when the id names none in the county. */
  visit?: { orgId: string; visitedOn: string } | null;
  household?: { orgId: string; headName: string } | null;
}

export interface DiaryProblem {
  field: 'writtenOn' | 'visitId' | 'householdId';
  rule: 'future_date' | 'visit_unknown' | 'visit_elsewhere' | 'before_visit' | 'household_unknown' | 'household_elsewhere';
  params: Record<string, string>;
}

/** Every problem of a diary record against what is stored; none means it may be saved. */
export function checkDiary(record: { writtenOn: string }, facts: DiaryFacts): DiaryProblem[] {
  const problems: DiaryProblem[] = [];
  if (record.writtenOn > facts.today) problems.push({ field: 'writtenOn', rule: 'future_date', params: { date: record.writtenOn, today: facts.today } });
  if (facts.visit === null) problems.push({ field: 'visitId', rule: 'visit_unknown', params: {} });
  else if (facts.visit && facts.visit.orgId !== facts.orgId) problems.push({ field: 'visitId', rule: 'visit_elsewhere', params: { village: facts.orgName } });
  else if (facts.visit && record.writtenOn < facts.visit.visitedOn) {
    problems.push({ field: 'writtenOn', rule: 'before_visit', params: { date: record.writtenOn, visitedOn: facts.visit.visitedOn } });
  }
  if (facts.household === null) problems.push({ field: 'householdId', rule: 'household_unknown', params: {} });
  else if (facts.household && facts.household.orgId !== facts.orgId) {
    problems.push({ field: 'householdId', rule: 'household_elsewhere', params: { household: facts.household.headName, village: facts.orgName } });
  }
  return problems;
}

// The same reading of text as the search column's (platform/text/search.ts): NFKC, lower case, runs
// of Chinese characters or of letters and digits. A Chinese term matches anywhere inside a run of
// Chinese, a Latin term only a whole run, as the stored pairs and words do.
const HAN = /\p{Script=Han}/u;
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** The terms of what a user typed, as the search reads them. */
export function searchTerms(typed: string): string[] {
  return typed.normalize('NFKC').toLowerCase().match(RUNS) ?? [];
}

/**
 * The text as the search reads it, and for each of its UTF-16 units the span of the original it came
 * from (NFKC may widen a character: ㈠ → (一)), so a match maps back to what the user wrote. Each
 * character is normalized alone, which differs from whole-text NFKC only for combining marks.
 */
function readingOf(text: string): { reading: string; from: number[]; to: number[] } {
  let reading = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of text) {
    const read = ch.normalize('NFKC').toLowerCase();
    for (let i = 0; i < read.length; i++) {
      from.push(at);
      to.push(at + ch.length);
    }
    reading += read;
    at += ch.length;
  }
  return { reading, from, to };
}

/** Spans [start, end) of the original text that the terms match, sorted and merged. */
export function matchSpans(text: string, terms: string[]): [number, number][] {
  const { reading, from, to } = readingOf(text);
  const spans: [number, number][] = [];
  const add = (start: number, length: number) => spans.push([from[start]!, to[start + length - 1]!]);
  for (const term of terms) {
    if (term.length === 0) continue;
    if (HAN.test(term)) {
      for (let i = reading.indexOf(term); i >= 0; i = reading.indexOf(term, i + 1)) add(i, term.length);
    } else {
      for (const run of reading.matchAll(RUNS)) if (run[0] === term) add(run.index, term.length);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Characters shown before the first match, and in all, in a snippet. */
export const SNIPPET_LEAD = 20;
export const SNIPPET_LENGTH = 90;

/** The text from `start` to `end` cut into marked and unmarked runs, with an ellipsis where it was cut. */
function segmentsOf(text: string, spans: [number, number][], start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  const push = (s: string, mark: boolean) => { if (s) segments.push({ text: s, mark }); };
  if (start > 0) push('…', false);
  let at = start;
  for (const [s, e] of spans) {
    if (e <= start || s >= end) continue;
    push(text.slice(at, Math.max(at, s)), false);
    push(text.slice(Math.max(at, s), Math.min(e, end)), true);
    at = Math.min(e, end);
  }
  push(text.slice(at, end), false);
  if (end < text.length) push('…', false);
  return segments;
}

/** Whole code points only: a window never splits a surrogate pair. */
function clampToCodePoint(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

/** A window of one field around its first match, the matches marked; null when nothing matched. */
export function snippetOf(text: string, terms: string[]): Segment[] | null {
  const spans = matchSpans(text, terms);
  if (spans.length === 0) return null;
  const start = clampToCodePoint(text, Math.max(0, spans[0]![0] - SNIPPET_LEAD));
  const end = clampToCodePoint(text, Math.min(text.length, start + SNIPPET_LENGTH));
  return segmentsOf(text, spans, start, Math.max(end, Math.min(text.length, spans[0]![1])));
}

/**
 * The snippets of a diary's result: each field the search matched, in the diary's order; without a
 * search (or when the match spanned two runs, which marks cannot show), the start of the situation.
 */
export function diarySnippets(fields: Record<DiaryField, string | null>, terms: string[]): Snippet[] {
  const order: DiaryField[] = ['situation', 'problems', 'demands', 'plan', 'result'];
  const found: Snippet[] = [];
  if (terms.length > 0) {
    for (const field of order) {
      const segments = fields[field] ? snippetOf(fields[field], terms) : null;
      if (segments) found.push({ field, segments });
    }
  }
  if (found.length > 0) return found;
  const situation = fields.situation ?? '';
  return [{ field: 'situation', segments: segmentsOf(situation, [], 0, clampToCodePoint(situation, Math.min(situation.length, SNIPPET_LENGTH))) }];
}
