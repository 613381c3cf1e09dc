import { App as AntApp, ConfigProvider, theme } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { antdLocales } from './antd-locales.js';
import { currentLang, rememberLang, type Lang } from './lang.js';
import { dictionaries, type MessageKey } from './messages.js';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function applyDayjsLocale(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

applyDayjsLocale(currentLang());
rememberLang(currentLang());

/**
 * Party red as the primary colour; the rest is antd's default theme. Dialogs, drawers and lists open
 * without motion for a user whose system asks for reduced motion.
 */
const reducedMotion = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const themeConfig = { algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#c8102e', borderRadius: 6, motion: !reducedMotion } };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang());
  const setLang = useCallback((next: Lang) => {
    rememberLang(next);
    applyDayjsLocale(next);
    setLangState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => format(dictionaries[lang][key], params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[lang]} theme={themeConfig}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
