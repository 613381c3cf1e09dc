import { describe, expect, it } from 'vitest';
import {
  A4, CARD, cardModel, compareHouseholds, contactCadres, leadingNumber, fileName, layoutGeometry, mm, NO_PHONE, pageCount, placeName, PRINTER_MARGIN, publicConcernUrl, sheetGeometry, slotOf,
  spacedPhone, type CadreCandidate,
} from './rules.js';

const cadre = (personId: string, role: CadreCandidate['role'], phone: string | null = `1390000${personId.padStart(4, '0').slice(-4)}`): CadreCandidate =>
  ({ personId, name: `干部${personId}`, role, title: null, phone });
const ids = (list: CadreCandidate[]) => list.map((c) => `${c.personId}:${c.role}`);

describe('contact cadres', () => {
  it('takes pairing cadres first, then the team leader and members, then the secretary, at most three', () => {
    expect(ids(contactCadres([cadre('1', 'pairing')], [cadre('2', 'team_leader'), cadre('3', 'team_member')], [cadre('4', 'secretary')])))
      .toEqual(['1:pairing', '2:team_leader', '3:team_member']);
    expect(ids(contactCadres([cadre('1', 'pairing'), cadre('2', 'pairing'), cadre('3', 'pairing'), cadre('4', 'pairing')], [cadre('5', 'team_leader')], [])))
      .toEqual(['1:pairing', '2:pairing', '3:pairing']);
    expect(ids(contactCadres([], [cadre('2', 'team_leader')], [cadre('4', 'secretary')]))).toEqual(['2:team_leader', '4:secretary']);
    expect(ids(contactCadres([], [], [cadre('4', 'secretary'), cadre('5', 'secretary')]))).toEqual(['4:secretary', '5:secretary']);
  });

  it('names a person once, under the first reason: a pairing cadre on the team, a leader who is the secretary', () => {
    expect(ids(contactCadres([cadre('2', 'pairing')], [cadre('2', 'team_leader'), cadre('3', 'team_member')], [cadre('3', 'secretary'), cadre('4', 'secretary')])))
      .toEqual(['2:pairing', '3:team_member', '4:secretary']);
    expect(ids(contactCadres([cadre('1', 'pairing'), cadre('1', 'pairing')], [], []))).toEqual(['1:pairing']);
  });

  it('puts cadres without a phone after those with one, and keeps them only to fill the card', () => {
    expect(ids(contactCadres([cadre('1', 'pairing', null)], [cadre('2', 'team_leader'), cadre('3', 'team_member', '  ')], [cadre('4', 'secretary')])))
      .toEqual(['2:team_leader', '4:secretary', '1:pairing']);
    expect(ids(contactCadres([cadre('1', 'pairing', null)], [], []))).toEqual(['1:pairing']);
    expect(contactCadres([], [], [])).toEqual([]);
  });

  it('honours a smaller maximum', () => {
    expect(ids(contactCadres([cadre('1', 'pairing')], [cadre('2', 'team_leader')], [], 1))).toEqual(['1:pairing']);
  });
});

describe('card text', () => {
  it('spaces mobile numbers for reading aloud and leaves landlines as written', () => {
    expect(spacedPhone('13800001111')).toBe('138 0000 1111');
    expect(spacedPhone('138-0000-1111')).toBe('138 0000 1111');
    expect(spacedPhone(' 0871-1234567 ')).toBe('0871-1234567');
    expect(spacedPhone('12345')).toBe('12345');
  });

  it('names the place as villagers do', () => {
    expect(placeName('马家村党支部', null)).toBe('马家村');
    expect(placeName('新村联合党支部', null)).toBe('新村');
    expect(placeName('大营村党总支', null)).toBe('大营村');
    expect(placeName('大营村党委', null)).toBe('大营村');
    expect(placeName('马家村党支部', '马家村民委员会')).toBe('马家村民委员会');
    expect(placeName('马家村党支部', '  ')).toBe('马家村');
    expect(placeName('党支部', null)).toBe('党支部');
  });

  it('leads the QR code to the village public page, whatever slashes the address ends with', () => {
    expect(publicConcernUrl('https://dangjian.xx.gov.cn', '530522101001')).toBe('https://dangjian.xx.gov.cn/v/530522101001');
    expect(publicConcernUrl('https://dangjian.xx.gov.cn/', '530522101001')).toBe('https://dangjian.xx.gov.cn/v/530522101001');
    expect(publicConcernUrl('http://10.0.0.2:3000/grassroots//', 'A-1')).toBe('http://10.0.0.2:3000/grassroots/v/A-1');
    expect(publicConcernUrl('https://x.cn', '530522101001-1')).toBe('https://x.cn/v/530522101001-1');
  });

  it('writes the household, whereabouts and cadres, never the household phone', () => {
    const model = cardModel({
      household: { headName: '马大', villagerGroup: '一组', number: '12', address: '马家村12号' },
      cadres: [{ ...cadre('1', 'pairing'), name: '李书记', title: '党委书记', phone: '13900001111' }, { ...cadre('4', 'secretary', null), title: '村党组织书记' }],
      place: '马家村', township: '和顺镇', issuer: '中共测试县委组织部', url: 'https://x.cn/v/1',
    });
    expect(model).toMatchObject({
      heading: '民情联系卡', place: '和顺镇 马家村', household: '马大 户', whereabouts: '一组 · 12号 · 马家村12号', url: 'https://x.cn/v/1', issuer: '中共测试县委组织部',
      cadres: [
        { name: '李书记', role: '结对帮扶干部', title: '党委书记', phone: '139 0000 1111' },
        { name: '干部4', role: '村党组织书记', title: null, phone: NO_PHONE },
      ],
    });
    expect(model.steps.join('')).toContain('查询码');
    const bare = cardModel({ household: { headName: '石大', villagerGroup: null, number: 'A-3', address: ' ' }, cadres: [], place: '石桥村', township: null, issuer: '', url: 'u' });
    expect(bare).toMatchObject({ place: '石桥村', whereabouts: 'A-3', cadres: [] });
    expect(cardModel({ household: { headName: '石二', villagerGroup: null, number: null, address: null }, cadres: [], place: 'p', township: null, issuer: '', url: 'u' }).whereabouts).toBeNull();
  });

  it('names the file after the village, or the household', () => {
    expect(fileName('马家村')).toBe('马家村民情联系卡.pdf');
    expect(fileName('马家村', '马大')).toBe('马家村民情联系卡-马大户.pdf');
  });
});

describe('household order', () => {
  it('reads the number a villager group or house number starts with, in digits or Chinese numerals', () => {
    const cases: [string | null, number | null][] = [
      ['一组', 1], ['二组', 2], ['两组', 2], ['十组', 10], ['十一组', 11], ['二十组', 20], ['二十三组', 23], ['第九村民小组', 9], ['3组', 3], ['12号', 12],
      ['A-07', 7], ['一〇', 10], ['东头', null], ['', null], [null, null],
    ];
    for (const [label, expected] of cases) expect(leadingNumber(label), String(label)).toBe(expected);
  });

  it('hands out cards group by group and house by house, as people count them', () => {
    const h = (villagerGroup: string | null, number: string | null, headName = '某') => ({ villagerGroup, number, headName, address: null });
    const sorted = [h('十组', '1'), h('二组', '10'), h(null, null), h('二组', '9'), h('一组', null), h('一组', '2'), h('东头', '1'), h('二组', '9', '甲'), h('一组', '2', '乙')]
      .sort(compareHouseholds).map((x) => `${x.villagerGroup}/${x.number}/${x.headName}`);
    expect(sorted).toEqual(['一组/2/某', '一组/2/乙', '一组/null/某', '二组/9/甲', '二组/9/某', '二组/10/某', '十组/1/某', '东头/1/某', 'null/null/某']);
  });
});

describe('sheet geometry', () => {
  it('fits four cards on an A4 sheet inside the printer margin, centred and edge to edge', () => {
    const g = sheetGeometry();
    expect(g).toMatchObject({ columns: 2, rows: 2, perPage: 4 });
    expect(g.origin.x).toBeGreaterThanOrEqual(PRINTER_MARGIN);
    expect(g.origin.y).toBeGreaterThanOrEqual(PRINTER_MARGIN);
    expect(g.origin.x * 2 + 2 * CARD.width).toBeCloseTo(A4.width, 6);
    expect(g.origin.y * 2 + 2 * CARD.height).toBeCloseTo(A4.height, 6);
  });

  it('counts whole cards only, and refuses a card larger than the page', () => {
    expect(sheetGeometry(A4, { width: mm(60), height: mm(90) }, mm(5))).toMatchObject({ columns: 3, rows: 3, perPage: 9 });
    expect(sheetGeometry(A4, { width: mm(100), height: mm(144) }, mm(5))).toMatchObject({ columns: 2, rows: 1, perPage: 2 });
    const one = sheetGeometry({ width: mm(100), height: mm(100) }, { width: mm(90), height: mm(90) }, mm(5));
    expect(one.perPage).toBe(1);
    expect(one.origin.x).toBeCloseTo(mm(5), 9);
    expect(() => sheetGeometry(A4, { width: mm(220), height: mm(50) })).toThrow(RangeError);
  });

  it('prints one card per page, or one sheet per four cards', () => {
    const card = layoutGeometry('card');
    const sheet = layoutGeometry('sheet');
    expect(card).toMatchObject({ page: CARD, perPage: 1 });
    for (const [n, cards, sheets] of [[1, 1, 1], [3, 3, 1], [4, 4, 1], [5, 5, 2], [8, 8, 2], [9, 9, 3], [0, 0, 0]] as const) {
      expect([pageCount(n, card), pageCount(n, sheet)], `${n} cards`).toEqual([cards, sheets]);
    }
  });

  it('places cards left to right, top to bottom, page after page', () => {
    const g = layoutGeometry('sheet');
    const slots = Array.from({ length: 6 }, (_, i) => slotOf(i, g));
    expect(slots.map((s) => s.page)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(slots[0]).toEqual({ page: 0, x: g.origin.x, y: g.origin.y });
    expect(slots[1]).toEqual({ page: 0, x: g.origin.x + CARD.width, y: g.origin.y });
    expect(slots[2]).toEqual({ page: 0, x: g.origin.x, y: g.origin.y + CARD.height });
    expect(slots[3]).toEqual({ page: 0, x: g.origin.x + CARD.width, y: g.origin.y + CARD.height });
    expect(slots[4]).toEqual({ ...slots[0], page: 1 });
    expect(slotOf(2, layoutGeometry('card'))).toEqual({ page: 2, x: 0, y: 0 });
  });
});
