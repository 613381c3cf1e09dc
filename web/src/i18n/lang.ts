/** The UI language, readable outside React (the API client sends it as Accept-Language). */
export type Lang = 'zh' | 'en';

const storageKey = 'grassroots.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = stored();

export function currentLang(): Lang {
  return current;
}

export function rememberLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function acceptLanguage(): string {
  return current === 'zh' ? 'zh-CN' : 'en';
}

/** Picks the label of a `{zh, en}` pair shared with the server. */
export function pick(label: { zh: string; en: string }, lang: Lang): string {
  return label[lang];
}
