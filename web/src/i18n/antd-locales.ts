import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import type { Lang } from './lang.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd ships CommonJS typings, so under NodeNext the default import is typed as the module
 * object, while Vite hands over either the locale or `{default: locale}`: accept both.
 */
function unwrap(mod: unknown): AntdLocale {
  const value = mod as AntdLocale | { default: AntdLocale };
  return 'locale' in value ? value : value.default;
}

export const antdLocales: Record<Lang, AntdLocale> = {
  zh: unwrap(zhCNModule),
  en: unwrap(enUSModule),
};
