import { pinyin } from 'pinyin-pro';

/**
 * The search key stored beside a Chinese name: initials, then full pinyin, lower case, no spaces
 * ("hszdw heshunzhendangwei"), so that "hs" and "heshun" both find 和顺镇党委.
 */
export function pinyinKey(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  const full = pinyin(name, { toneType: 'none', type: 'array' }).join('');
  return `${initials} ${full}`.toLowerCase().replace(/[^a-z0-9 ]/g, '');
}

/** A person's name: surnames read as surnames (单 shan, 曾 zeng). */
export function personPinyinKey(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');
  const full = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }).join('');
  return `${initials} ${full}`.toLowerCase().replace(/[^a-z0-9 ]/g, '');
}

/** Whether a query is pinyin (Latin letters) rather than Chinese characters. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z0-9 ]+$/i.test(q);
}

/** Escapes LIKE's wildcards in a search term typed by a user. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
