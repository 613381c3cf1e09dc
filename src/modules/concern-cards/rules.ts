/**
 * Concern cards (民情联系卡, issue 5 §5): which cadres a household's card names, what the card says,
 * where the QR code leads, and how cards sit on the printed pages. Pure: no I/O.
 */

export const layouts = ['card', 'sheet'] as const;
export type Layout = (typeof layouts)[number];

/** Why a cadre is on the card; the order is the order of precedence. */
export const cadreRoles = ['pairing', 'team_leader', 'team_member', 'secretary'] as const;
export type CadreRole = (typeof cadreRoles)[number];

export interface CadreCandidate {
  personId: string;
  name: string;
  role: CadreRole;
  /** The title of the post they hold (党委副书记, 党支部书记), when they hold one. */
  title: string | null;
  phone: string | null;
}

export const MAX_CADRES = 3;

/**
 * The cadres a household's card names: its pairing cadres, then the village's contracting team
 * (leader first), then the village secretary; each person once, under the first reason found.
 * A card exists to be called from, so cadres with a phone come before those without.
 */
export function contactCadres(pairing: readonly CadreCandidate[], team: readonly CadreCandidate[], secretaries: readonly CadreCandidate[], max = MAX_CADRES): CadreCandidate[] {
  const seen = new Set<string>();
  const unique = [...pairing, ...team, ...secretaries].filter((c) => !seen.has(c.personId) && seen.add(c.personId));
  const reachable = (c: CadreCandidate) => c.phone !== null && c.phone.trim() !== '';
  return [...unique.filter(reachable), ...unique.filter((c) => !reachable(c))].slice(0, max);
}

/** A phone as older villagers read it aloud: 138 0000 1111, 0871-1234567 unchanged. */
export function spacedPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : phone.trim();
}

const partySuffix = /(联合党支部|党总支部|党总支|党支部|党委|党工委)$/;

/** The place a village organization serves, as villagers call it: its admin unit, else its name without the Party suffix. */
export function placeName(orgName: string, unitName: string | null): string {
  return unitName?.trim() || orgName.replace(partySuffix, '') || orgName;
}

/** The village's public concern page (`/v/{orgCode}` of the web app), the QR code's payload. */
export function publicConcernUrl(baseUrl: string, orgCode: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/v/${encodeURIComponent(orgCode)}`;
}

export const roleLabels: Record<CadreRole, string> = {
  pairing: '结对帮扶干部',
  team_leader: '包村工作组组长',
  team_member: '包村干部',
  secretary: '村党组织书记',
};

export interface HouseholdFacts {
  headName: string;
  villagerGroup: string | null;
  number: string | null;
  address: string | null;
}

export interface CardCadre {
  name: string;
  /** Why they are the household's contact, and their post's title when it says more. */
  role: string;
  title: string | null;
  phone: string;
}

/** Everything printed on one card, in reading order. */
export interface CardModel {
  heading: string;
  place: string;
  household: string;
  /** Villager group, house number and address, whichever are known. */
  whereabouts: string | null;
  cadres: CardCadre[];
  instruction: string;
  steps: string[];
  url: string;
  issuer: string;
}

export const NO_PHONE = '电话未登记';
/** A card whose village has no cadre on record still tells the household where to turn. */
export const NO_CADRES = '请向村党组织、村委会反映';

/** Text of one household's card. The household's own phone is never on it. */
export function cardModel(input: { household: HouseholdFacts; cadres: readonly CadreCandidate[]; place: string; township: string | null; issuer: string; url: string }): CardModel {
  const { household: h } = input;
  const number = h.number ? (/^\d+$/.test(h.number) ? `${h.number}号` : h.number) : null;
  const whereabouts = [h.villagerGroup, number, h.address].filter((part): part is string => !!part && part.trim() !== '').join(' · ');
  return {
    heading: '民情联系卡',
    place: [input.township, input.place].filter(Boolean).join(' '),
    household: `${h.headName} 户`,
    whereabouts: whereabouts || null,
    cadres: input.cadres.map((c) => ({
      name: c.name,
      role: roleLabels[c.role],
      title: c.title && c.title !== roleLabels[c.role] ? c.title : null,
      phone: c.phone && c.phone.trim() ? spacedPhone(c.phone) : NO_PHONE,
    })),
    instruction: '有困难、有诉求，请拨打上面的电话，或用手机扫描二维码反映',
    steps: ['扫码填写诉求，可不留姓名', '提交后记下查询码', '凭查询码查看办理进度和答复'],
    url: input.url,
    issuer: input.issuer,
  };
}

const numerals: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The first number in a label, in digits or Chinese numerals below a hundred ("第十二村民小组" → 12), or null. */
export function leadingNumber(label: string | null): number | null {
  const match = /(\d+)|([〇零一二两三四五六七八九十]+)/.exec(label ?? '');
  if (!match) return null;
  if (match[1]) return Number(match[1]);
  const [tens, units] = match[2]!.includes('十') ? match[2]!.split('十') as [string, string] : ['', match[2]!];
  const digit = (d: string) => numerals[d] ?? 0;
  return match[2]!.includes('十') ? (tens === '' ? 1 : digit(tens)) * 10 + digit(units) : [...units].reduce((n, d) => n * 10 + digit(d), 0);
}

/** Villager groups and house numbers in the order people count them (二组 before 十组), so a batch is handed out street by street. */
export function compareHouseholds(a: HouseholdFacts, b: HouseholdFacts): number {
  return byLabel(a.villagerGroup, b.villagerGroup) || byLabel(a.number, b.number) || a.headName.localeCompare(b.headName, 'zh');
}

/** Numbered labels by number, then the others by pinyin, then none. */
function byLabel(a: string | null, b: string | null): number {
  const [x, y] = [leadingNumber(a), leadingNumber(b)];
  if (x !== y) return x === null ? 1 : y === null ? -1 : x - y;
  if ((a === null) !== (b === null)) return a === null ? 1 : -1;
  return (a ?? '').localeCompare(b ?? '', 'zh');
}

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;

export interface Size { width: number; height: number }

/** A4 portrait in points. */
export const A4: Size = { width: mm(210), height: mm(297) };
/** One card: a quarter of A4 less the margin a printer cannot reach, so four fit a sheet with room to cut. */
export const CARD: Size = { width: mm(98), height: mm(138) };
/** What an office printer leaves blank at each edge. */
export const PRINTER_MARGIN = mm(5);

export interface Slot { page: number; x: number; y: number }

export interface Geometry {
  page: Size;
  perPage: number;
  columns: number;
  rows: number;
  /** Where the cards of one page start, centred on the sheet. */
  origin: { x: number; y: number };
}

/** How many whole cards fit on a page within the printer's margin, edge to edge (one cut separates two), centred. */
export function sheetGeometry(page: Size = A4, card: Size = CARD, margin = PRINTER_MARGIN): Geometry {
  const columns = Math.floor((page.width - 2 * margin) / card.width);
  const rows = Math.floor((page.height - 2 * margin) / card.height);
  if (columns < 1 || rows < 1) throw new RangeError('the card does not fit the page');
  return {
    page, columns, rows, perPage: columns * rows,
    origin: { x: (page.width - columns * card.width) / 2, y: (page.height - rows * card.height) / 2 },
  };
}

export function layoutGeometry(layout: Layout): Geometry {
  return layout === 'sheet' ? sheetGeometry() : { page: CARD, columns: 1, rows: 1, perPage: 1, origin: { x: 0, y: 0 } };
}

export const pageCount = (cards: number, geometry: Geometry) => Math.ceil(cards / geometry.perPage);

/** Where the card at `index` goes: page, then left to right and top to bottom. */
export function slotOf(index: number, geometry: Geometry, card: Size = CARD): Slot {
  const onPage = index % geometry.perPage;
  return {
    page: Math.floor(index / geometry.perPage),
    x: geometry.origin.x + (onPage % geometry.columns) * card.width,
    y: geometry.origin.y + Math.floor(onPage / geometry.columns) * card.height,
  };
}

/** The PDF's file name: the village's batch, or one household's card. */
export function fileName(place: string, headName?: string): string {
  return headName ? `${place}民情联系卡-${headName}户.pdf` : `${place}民情联系卡.pdf`;
}
