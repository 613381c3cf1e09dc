import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { boldSibling, findCjkFont, knownFonts, namedFace } from './font.js';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('finding a Chinese font', () => {
  it('takes the operator\'s font first, with a face of a collection when named', () => {
    expect(namedFace('/f/NotoSansCJK-Regular.ttc')).toEqual({ path: '/f/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' });
    expect(namedFace('/f/msyh.ttc#MicrosoftYaHei')).toEqual({ path: '/f/msyh.ttc', family: 'MicrosoftYaHei' });
    expect(namedFace(' /f/simhei.ttf ')).toEqual({ path: '/f/simhei.ttf' });
    const env = { GRASSROOTS_CJK_FONT: '/f/simhei.ttf' };
    expect(findCjkFont(env, only('/f/simhei.ttf', knownFonts[0]!.path))).toEqual({ regular: { path: '/f/simhei.ttf' }, bold: null });
  });

  it('else the first known place that has one, with its bold sibling when installed', () => {
    const debian = knownFonts[0]!.path;
    const bold = debian.replace('Regular', 'Bold');
    expect(findCjkFont({}, only(debian, bold))).toEqual({ regular: knownFonts[0], bold: { path: bold, family: 'NotoSansCJKsc-Bold' } });
    expect(findCjkFont({}, only(debian)).bold).toBeNull();
    expect(findCjkFont({}, only('C:\\Windows\\Fonts\\msyh.ttc'))).toEqual({ regular: { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' }, bold: null });
    expect(boldSibling({ path: '/f/simhei.ttf' })).toBeNull();
  });

  it('refuses with the font it looked for when there is none, or the operator\'s is missing', () => {
    const refusal = (env: NodeJS.ProcessEnv) => {
      try {
        findCjkFont(env, only());
      } catch (error) {
        return error instanceof AppError ? [error.status, error.key, error.params.path] : error;
      }
      return 'found';
    };
    expect(refusal({})).toEqual([503, 'cards.font_missing', knownFonts[0]!.path]);
    expect(refusal({ GRASSROOTS_CJK_FONT: '/nowhere/x.ttf' })).toEqual([503, 'cards.font_missing', '/nowhere/x.ttf']);
  });
});
