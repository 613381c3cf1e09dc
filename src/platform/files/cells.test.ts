import { describe, expect, it } from 'vitest';
import { parseDate, parsePhone, parseYesNo } from './cells.js';

const ok = <T>(value: T) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe('parseDate', () => {
  it('reads the usual ways of writing a date', () => {
    const cases = ['2019-01-05', '2019-1-5', '2019/1/5', '2019/01/05', '2019.01.05', '2019.1.5', '20190105', '2019年1月5日', '2019年01月05日', '2019年1月5号', ' 2019-01-05 ', '2019-01-05 00:00:00', '2019/1/5 0:00', '2019-01-05T00:00:00Z'];
    for (const text of cases) expect(parseDate(text), text).toEqual(ok('2019-01-05'));
  });

  it('reads Excel serial numbers, as numbers or as text', () => {
    expect(parseDate(43470)).toEqual(ok('2019-01-05'));
    expect(parseDate('43470')).toEqual(ok('2019-01-05'));
    expect(parseDate('43470.75')).toEqual(ok('2019-01-05'));
    expect(parseDate(10000)).toEqual(ok('1927-05-18'));
    expect(parseDate(25569)).toEqual(ok('1970-01-01'));
    expect(parseDate(45351)).toEqual(ok('2024-02-29'));
    expect(parseDate(99999)).toEqual(ok('2173-10-13'));
  });

  it('reads Date objects as exceljs gives them (UTC midnight)', () => {
    expect(parseDate(new Date(Date.UTC(2019, 0, 5)))).toEqual(ok('2019-01-05'));
    expect(parseDate(new Date(Date.UTC(1949, 9, 1)))).toEqual(ok('1949-10-01'));
    expect(parseDate(new Date(Number.NaN))).toEqual(no('impossible'));
  });

  it('refuses days the calendar does not have', () => {
    for (const text of ['2019-02-29', '2019/2/30', '2019.04.31', '20190230', '2019年2月29日', '2019-13-01', '2019-00-10', '2019-01-00', '2019-01-32', '0000-01-01']) {
      expect(parseDate(text), text).toEqual(no('impossible'));
    }
    expect(parseDate('2020-02-29')).toEqual(ok('2020-02-29'));
  });

  it('refuses what is not a date, bare years and short numbers included', () => {
    for (const text of ['', 'abc', '2019', 1985, '2019-01', '19-01-05', '2019-01-05-01', '2019年1月', '201915', '2019/1/5/', '05/01/2019', '1234', '123456789', '-43470', '43470,5']) {
      expect(parseDate(text), String(text)).toEqual(no('format'));
    }
  });
});

describe('parseYesNo', () => {
  it('reads yes and no', () => {
    for (const text of ['是', 'Y', 'y', 'yes', 'TRUE', 'true', '1', 1, '√']) expect(parseYesNo(text), String(text)).toEqual(ok(true));
    for (const text of ['否', 'N', 'no', 'FALSE', 'false', '0', 0, '×']) expect(parseYesNo(text), String(text)).toEqual(ok(false));
  });

  it('refuses the rest', () => {
    for (const text of ['', '不是', 'maybe', '2', '是否']) expect(parseYesNo(text), text).toEqual(no('unknown'));
  });
});

describe('parsePhone', () => {
  it('keeps mainland mobiles as 11 digits', () => {
    for (const text of ['13812345678', '138 1234 5678', '138-1234-5678', '+8613812345678', '86 138 1234 5678', '008613812345678', 13812345678, '19912345678']) {
      expect(parsePhone(text), String(text)).toEqual(ok(text === '19912345678' ? '19912345678' : '13812345678'));
    }
  });

  it('writes landlines with their area code and a hyphen', () => {
    expect(parsePhone('0871-1234567')).toEqual(ok('0871-1234567'));
    expect(parsePhone('087112345678')).toEqual(ok('0871-12345678'));
    expect(parsePhone('(0871)1234567')).toEqual(ok('0871-1234567'));
    expect(parsePhone('010-12345678')).toEqual(ok('010-12345678'));
    expect(parsePhone('02112345678')).toEqual(ok('021-12345678'));
  });

  it('refuses numbers that are neither', () => {
    for (const text of ['', '1381234567', '138123456789', '12812345678', '1234567', '0871-123456', '0871-123456789', '871-1234567', 'abc', '+8512345678901']) {
      expect(parsePhone(text), text).toEqual(no('format'));
    }
  });
});
