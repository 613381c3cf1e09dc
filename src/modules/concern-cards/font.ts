/**
 * A font that has Chinese characters, found on the machine: PDF's standard fonts have none. The
 * operator may name one (GRASSROOTS_CJK_FONT=/path/font.ttc, or /path/font.ttc#PostScriptName for a
 * collection other than Noto's); else the places Debian, Ubuntu, Fedora, Windows and macOS keep theirs.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../platform/errors.js';

export interface FontFace {
  path: string;
  /** The face to take from a collection (.ttc); undefined for a single font file. */
  family?: string;
}

export interface CjkFont {
  regular: FontFace;
  /** A heavier face of the same family when installed beside it, for headings. */
  bold: FontFace | null;
}

const NOTO = 'NotoSansCJKsc-Regular';

export const knownFonts: FontFace[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: NOTO },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: NOTO },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: NOTO },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
];

/** A face named by the operator: a path, and after '#' the face of a collection (Noto's Simplified Chinese by default). */
export function namedFace(value: string): FontFace {
  const [path, family] = value.trim().split('#') as [string, string | undefined];
  if (family) return { path, family };
  return /\.ttc$/i.test(path) ? { path, family: NOTO } : { path };
}

/** The bold sibling of a 'Regular' face (NotoSansCJK-Bold.ttc beside NotoSansCJK-Regular.ttc). */
export function boldSibling(face: FontFace): FontFace | null {
  if (!/Regular\.tt[cf]$/i.test(face.path)) return null;
  return { path: face.path.replace(/Regular(\.tt[cf])$/i, 'Bold$1'), family: face.family?.replace(/Regular$/, 'Bold') };
}

export function findCjkFont(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): CjkFont {
  const named = env.GRASSROOTS_CJK_FONT?.trim();
  const regular = named ? namedFace(named) : knownFonts.find((f) => exists(f.path));
  if (!regular || !exists(regular.path)) throw new AppError(503, 'font_missing', 'cards.font_missing', { path: regular?.path ?? knownFonts[0]!.path });
  const bold = boldSibling(regular);
  return { regular, bold: bold && exists(bold.path) ? bold : null };
}
