import { sql, type SQL } from 'drizzle-orm';

/**
 * Chinese full-text search without a Chinese parser: text is stored as its character pairs (村道硬化
 * → 村道 道硬 硬化) in a tsvector under the 'simple' configuration with a GIN index, and a query
 * of two or more characters is the phrase of its pairs (道硬化 → 道硬 <-> 硬化), so any substring
 * matches. Measured in stack-facts.md §5 at a few milliseconds on both engines; trigram indexes
 * cannot answer two-character terms. Latin letters and digits are kept as whole words.
 */

const CJK = /\p{Script=Han}/u;
/** Runs of Chinese characters, or of letters and digits; everything else separates. */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function runsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUNS) ?? [];
}

function pairsOf(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** The tokens stored for some texts, in order, space-separated: what to_tsvector('simple', …) reads. */
export function searchTokens(...texts: (string | null | undefined)[]): string {
  return texts.flatMap((t) => runsOf(t ?? '').flatMap((run) => (CJK.test(run) ? pairsOf(run) : [run]))).join(' ');
}

/** The value of a search column for some texts. */
export function searchVector(...texts: (string | null | undefined)[]): SQL {
  return sql`to_tsvector('simple', ${searchTokens(...texts)})`;
}

/**
 * The tsquery of what a user typed: every term (separated by anything but letters and characters)
 * must match, each as the phrase of its pairs. Null when nothing searchable is left, or a term is a
 * single Chinese character, which pairs cannot find: the caller says so rather than scanning.
 */
export function searchQuery(typed: string): string | null {
  const runs = runsOf(typed);
  if (runs.length === 0) return null;
  const terms: string[] = [];
  for (const run of runs) {
    if (!CJK.test(run)) terms.push(run);
    else if ([...run].length < 2) return null;
    else terms.push(pairsOf(run).join(' <-> '));
  }
  return terms.map((t) => `(${t})`).join(' & ');
}

/** A condition that the search column matches a query from searchQuery. */
export function searchMatches(column: SQL | { getSQL(): SQL }, query: string): SQL {
  return sql`${column} @@ to_tsquery('simple', ${query})`;
}
