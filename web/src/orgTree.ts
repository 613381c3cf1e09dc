import type { OrgSummary } from './contracts.js';

/** The flat list of organizations in scope, indexed for building trees client-side. */
export interface OrgIndex {
  byCode: Map<string, OrgSummary>;
  children: Map<string | null, OrgSummary[]>;
  /** Tops of the user's scope: organizations whose parent is outside the list. */
  roots: OrgSummary[];
}

export function indexOrgs(items: OrgSummary[]): OrgIndex {
  const byCode = new Map(items.map((o) => [o.code, o]));
  const children = new Map<string | null, OrgSummary[]>();
  const roots: OrgSummary[] = [];
  for (const org of items) {
    const parent = org.parentCode && byCode.has(org.parentCode) ? org.parentCode : null;
    if (parent === null) roots.push(org);
    const list = children.get(parent) ?? [];
    list.push(org);
    children.set(parent, list);
  }
  return { byCode, children, roots };
}

/** Codes from the top of the scope down to (not including) `code`. */
export function ancestorCodes(index: OrgIndex, code: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = index.byCode.get(code)?.parentCode ?? null;
  while (current && index.byCode.has(current) && !seen.has(current)) {
    seen.add(current);
    path.unshift(current);
    current = index.byCode.get(current)?.parentCode ?? null;
  }
  return path;
}

/** `code` and everything below it. */
export function subtreeCodes(index: OrgIndex, code: string): Set<string> {
  const found = new Set<string>();
  const stack = [code];
  while (stack.length) {
    const next = stack.pop()!;
    if (found.has(next)) continue;
    found.add(next);
    for (const child of index.children.get(next) ?? []) stack.push(child.code);
  }
  return found;
}

/** Builds nested nodes with `make`; `keep` (when given) limits the tree to those codes. */
export function buildNodes<N>(
  index: OrgIndex,
  make: (org: OrgSummary, children: N[]) => N,
  keep?: Set<string>,
): N[] {
  const build = (org: OrgSummary): N => {
    const kids = (index.children.get(org.code) ?? []).filter((c) => !keep || keep.has(c.code)).map(build);
    return make(org, kids);
  };
  return index.roots.filter((r) => !keep || keep.has(r.code)).map(build);
}

/** Client-side match for pickers: Chinese name, pinyin (initials or full) or code. */
export function orgMatches(org: OrgSummary, input: string): boolean {
  const q = input.trim().toLowerCase();
  if (!q) return true;
  return org.name.includes(input.trim()) || org.pinyin.includes(q.replace(/\s+/g, '')) || org.code.toLowerCase().startsWith(q);
}
