import { describe, expect, it } from 'vitest';
import {
  checkExtension, checkPipeline, describeViolation, memberCategories, probationEnds, stageFields, stageOn, targetEarliest,
  type MemberCategory, type PipelineViolation, type StageDates, type StageRecord,
} from './pipeline.js';

const AS_OF = '2026-03-02';

/** A member admitted by the book: each stage reached in time, in order. */
const textbook: Required<Omit<StageRecord, 'probationExtensionMonths'>> = {
  category: 'full',
  birthDate: '1990-05-20',
  appliedOn: '2015-03-01',
  activistOn: '2015-06-01',
  targetOn: '2016-06-01',
  joinedOn: '2016-09-01',
  fullOn: '2017-09-01',
};

/** The record of someone who has reached `category`: the textbook's dates up to that stage. */
function reached(category: MemberCategory): StageRecord {
  const stage = memberCategories.indexOf(category);
  const record: StageRecord = { category, birthDate: textbook.birthDate };
  stageFields.slice(0, stage + 1).forEach((field) => { record[field] = textbook[field]; });
  return record;
}

const rules = (violations: PipelineViolation[]) => violations.map((v) => `${v.rule}:${v.field}`);

describe('checkPipeline', () => {
  it('finds nothing wrong with a record kept by the book, at every stage', () => {
    for (const category of memberCategories) expect(checkPipeline(reached(category), AS_OF), category).toEqual([]);
    expect(checkPipeline({ ...textbook, probationExtensionMonths: 6, fullOn: '2018-03-01' }, AS_OF)).toEqual([]);
  });

  it('accepts full members whose early stages went unrecorded', () => {
    expect(checkPipeline({ category: 'full', joinedOn: '1975-07-01', fullOn: '1976-07-01' }, AS_OF)).toEqual([]);
    expect(checkPipeline({ category: 'probationary', birthDate: '2000-01-01', joinedOn: '2025-07-01' }, AS_OF)).toEqual([]);
    expect(checkPipeline({ category: 'applicant' }, AS_OF)).toEqual([]);
  });

  describe('category consistency (errors)', () => {
    it('needs 入党日期 and 转正日期 for a full member, 入党日期 for a probationary one', () => {
      expect(checkPipeline({ ...textbook, fullOn: null }, AS_OF)).toEqual([
        { rule: 'category_missing_date', severity: 'error', field: 'fullOn', params: { category: '正式党员' } },
      ]);
      expect(rules(checkPipeline({ category: 'full' }, AS_OF))).toEqual(['category_missing_date:joinedOn', 'category_missing_date:fullOn']);
      expect(rules(checkPipeline({ category: 'probationary', appliedOn: '2024-01-01' }, AS_OF))).toEqual(['category_missing_date:joinedOn']);
    });

    it('refuses any date of a stage beyond the category, for every category and stage', () => {
      for (const category of memberCategories) {
        const stage = memberCategories.indexOf(category);
        stageFields.forEach((field, fieldStage) => {
          const found = checkPipeline({ ...reached(category), [field]: textbook[field] }, AS_OF).filter((v) => v.rule === 'category_extra_date');
          expect(found, `${category} with ${field}`).toEqual(fieldStage > stage
            ? [{ rule: 'category_extra_date', severity: 'error', field, params: { category: expect.any(String), value: textbook[field] } }]
            : []);
        });
      }
    });

    it('allows a probation extension only once probation has begun', () => {
      for (const category of memberCategories) {
        const found = rules(checkPipeline({ ...reached(category), probationExtensionMonths: 6, fullOn: category === 'full' ? '2018-03-01' : undefined }, AS_OF));
        const allowed = category === 'probationary' || category === 'full';
        expect(found, category).toEqual(allowed ? [] : ['category_extra_date:probationExtensionMonths']);
      }
    });
  });

  describe('dates not yet come (errors)', () => {
    it('refuses each date after the as-of day, and accepts the day itself', () => {
      for (const field of ['birthDate', ...stageFields] as const) {
        const record = { ...textbook, [field]: '2026-03-03' };
        expect(checkPipeline(record, AS_OF).filter((v) => v.rule === 'future_date'), field).toEqual([
          { rule: 'future_date', severity: 'error', field, params: { date: '2026-03-03', asOf: AS_OF } },
        ]);
        expect(checkPipeline({ ...textbook, [field]: AS_OF }, AS_OF).filter((v) => v.rule === 'future_date')).toEqual([]);
      }
    });
  });

  describe('age at application (warning)', () => {
    it('wants 18 full years on the day of application', () => {
      const eighteenth = { ...reached('applicant'), birthDate: '1997-03-01', appliedOn: '2015-03-01' };
      expect(checkPipeline(eighteenth, AS_OF)).toEqual([]);
      expect(checkPipeline({ ...eighteenth, appliedOn: '2015-02-28' }, AS_OF)).toEqual([
        { rule: 'applicant_age', severity: 'warning', field: 'appliedOn', other: 'birthDate', params: { date: '2015-02-28', age: 17 } },
      ]);
    });

    it('uses the first recorded stage when the application date is missing', () => {
      const found = checkPipeline({ category: 'full', birthDate: '2000-01-01', joinedOn: '2017-07-01', fullOn: '2018-07-01' }, AS_OF);
      expect(found).toEqual([{ rule: 'applicant_age', severity: 'warning', field: 'joinedOn', other: 'birthDate', params: { date: '2017-07-01', age: 17 } }]);
    });

    it('says nothing without a birth date or any stage date', () => {
      expect(checkPipeline({ ...textbook, birthDate: null }, AS_OF)).toEqual([]);
      expect(checkPipeline({ category: 'applicant', birthDate: '2015-01-01' }, AS_OF)).toEqual([]);
    });
  });

  describe('order of the stages (warning)', () => {
    it('names each date that comes before the stage recorded before it', () => {
      expect(checkPipeline({ ...textbook, activistOn: '2015-02-01' }, AS_OF)).toEqual([
        { rule: 'date_order', severity: 'warning', field: 'activistOn', other: 'appliedOn', params: { date: '2015-02-01', otherDate: '2015-03-01' } },
      ]);
      expect(rules(checkPipeline({ ...textbook, fullOn: '2016-08-01' }, AS_OF))).toEqual(['date_order:fullOn']);
    });

    it('skips stages without a date', () => {
      const found = checkPipeline({ category: 'full', appliedOn: '2016-01-01', joinedOn: '2015-07-01', fullOn: '2016-07-01' }, AS_OF);
      expect(rules(found)).toEqual(['date_order:joinedOn']);
      expect(found[0]!.other).toBe('appliedOn');
    });

    it('accepts two stages on the same day', () => {
      expect(checkPipeline({ ...textbook, activistOn: textbook.appliedOn }, AS_OF)).toEqual([]);
    });
  });

  describe('a year as activist (warning)', () => {
    it('wants the development target a full year after the activist', () => {
      expect(checkPipeline({ ...textbook, targetOn: '2016-06-01' }, AS_OF)).toEqual([]);
      expect(checkPipeline({ ...textbook, targetOn: '2016-05-31' }, AS_OF)).toEqual([
        { rule: 'activist_year', severity: 'warning', field: 'targetOn', other: 'activistOn', params: { date: '2016-05-31', otherDate: '2015-06-01', earliest: '2016-06-01' } },
      ]);
    });

    it('does not time dates already out of order', () => {
      expect(rules(checkPipeline({ ...textbook, targetOn: '2015-05-01' }, AS_OF))).toEqual(['date_order:targetOn']);
    });
  });

  describe('probation of a year, plus any extension (warning)', () => {
    it('wants full membership no sooner than a year after admission', () => {
      expect(checkPipeline({ ...textbook, fullOn: '2017-08-31' }, AS_OF)).toEqual([
        { rule: 'probation_length', severity: 'warning', field: 'fullOn', other: 'joinedOn', params: { date: '2017-08-31', otherDate: '2016-09-01', earliest: '2017-09-01' } },
      ]);
    });

    it('adds the extension', () => {
      for (const months of [6, 9, 12]) {
        const earliest = `${months === 12 ? 2018 : 2018}-${String(((8 + months) % 12) + 1).padStart(2, '0')}-01`;
        const extended = { ...textbook, probationExtensionMonths: months };
        expect(checkPipeline({ ...extended, fullOn: earliest }, AS_OF), `${months}`).toEqual([]);
        const early = checkPipeline({ ...extended, fullOn: '2017-09-01' }, AS_OF);
        expect(early.map((v) => [v.rule, v.params.earliest]), `${months}`).toEqual([['probation_length', earliest]]);
      }
    });

    it('ends a probation begun on 29 February on 28 February', () => {
      const leap = { category: 'full' as const, joinedOn: '2024-02-29' };
      expect(checkPipeline({ ...leap, fullOn: '2025-02-28' }, AS_OF)).toEqual([]);
      expect(rules(checkPipeline({ ...leap, fullOn: '2025-02-27' }, AS_OF))).toEqual(['probation_length:fullOn']);
    });
  });

  describe('extension of probation (errors)', () => {
    it('allows 6 to 12 whole months', () => {
      for (const months of [6, 7, 8, 9, 10, 11, 12]) expect(checkExtension(months, null), `${months}`).toEqual([]);
      for (const months of [0, 1, 5, 13, 24, -6, 6.5, Number.NaN]) {
        expect(checkExtension(months, null), `${months}`).toEqual([{ rule: 'extension_range', severity: 'error', field: 'probationExtensionMonths', params: { months } }]);
      }
    });

    it('allows it only once', () => {
      expect(checkExtension(6, 6)).toEqual([{ rule: 'extension_once', severity: 'error', field: 'probationExtensionMonths', params: { months: 6 } }]);
      expect(rules(checkExtension(3, 12))).toEqual(['extension_once:probationExtensionMonths', 'extension_range:probationExtensionMonths']);
    });

    it('checks the extension on a record, and still times the probation', () => {
      expect(rules(checkPipeline({ ...textbook, probationExtensionMonths: 3 }, AS_OF))).toEqual(['extension_range:probationExtensionMonths', 'probation_length:fullOn']);
    });
  });

  it('lists errors before warnings, each with its severity', () => {
    const found = checkPipeline({ category: 'probationary', birthDate: '2010-01-01', appliedOn: '2026-01-01', joinedOn: '2025-12-01', fullOn: '2027-01-01' }, AS_OF);
    expect(found.map((v) => [v.rule, v.severity])).toEqual([
      ['future_date', 'error'], ['category_extra_date', 'error'], ['applicant_age', 'warning'], ['date_order', 'warning'],
    ]);
  });
});

describe('describeViolation', () => {
  it('names the rule and the dates, in Chinese and in English', () => {
    const [early] = checkPipeline({ ...textbook, targetOn: '2016-05-31' }, AS_OF);
    expect(describeViolation(early!, 'zh')).toBe('入党积极分子须经一年以上培养考察方可列为发展对象（发展党员工作细则第十三条）：确定为入党积极分子日期 2015-06-01，确定为发展对象日期不应早于 2016-06-01，现为 2016-05-31');
    expect(describeViolation(early!, 'en')).toContain('not before 2016-06-01, but the date of becoming a development target is 2016-05-31');
  });

  it('has a message in both languages for every rule, with every placeholder filled', () => {
    const samples = [
      ...checkPipeline({ category: 'applicant', birthDate: '2010-01-01', appliedOn: '2026-04-01', activistOn: '2026-01-01', joinedOn: '2020-01-01', probationExtensionMonths: 3 }, AS_OF),
      ...checkPipeline({ ...textbook, targetOn: '2016-01-01', fullOn: '2017-01-01' }, AS_OF),
      ...checkPipeline({ category: 'full' }, AS_OF),
      ...checkExtension(6, 6),
    ];
    expect(new Set(samples.map((v) => v.rule))).toEqual(new Set([
      'applicant_age', 'date_order', 'activist_year', 'probation_length', 'extension_range', 'extension_once', 'category_missing_date', 'category_extra_date', 'future_date',
    ]));
    for (const v of samples) {
      for (const lang of ['zh', 'en'] as const) expect(describeViolation(v, lang), `${v.rule} ${lang}`).not.toMatch(/[{}]/);
    }
  });
});

describe('the waiting times the steps share with the import', () => {
  it('ends an activist\'s year on the anniversary, or on 28 February for 29 February', () => {
    expect(targetEarliest('2015-06-01')).toBe('2016-06-01');
    expect(targetEarliest('2024-02-29')).toBe('2025-02-28');
  });

  it('ends probation a year after admission, plus a valid extension only', () => {
    expect(probationEnds('2016-09-01', null)).toBe('2017-09-01');
    expect(probationEnds('2016-09-01', 6)).toBe('2018-03-01');
    expect(probationEnds('2016-09-01', 12)).toBe('2018-09-01');
    expect(probationEnds('2024-02-29', undefined)).toBe('2025-02-28');
    for (const invalid of [0, -6, 6.5, Number.NaN]) expect(probationEnds('2016-09-01', invalid), `${invalid}`).toBe('2017-09-01');
  });
});

describe('the stage a membership had reached on a day', () => {
  const full: StageDates = { category: 'full', startedOn: null, appliedOn: '2020-01-01', activistOn: '2020-06-01', targetOn: '2021-06-01', joinedOn: '2022-01-10', fullOn: '2023-01-10' };

  it('follows the stage dates, each stage from its own day', () => {
    expect(stageOn(full, '2019-12-31')).toBe(null);
    expect(stageOn(full, '2020-01-01')).toBe('applicant');
    expect(stageOn(full, '2020-06-01')).toBe('activist');
    expect(stageOn(full, '2021-06-01')).toBe('development_target');
    expect(stageOn(full, '2022-01-09')).toBe('development_target');
    expect(stageOn(full, '2022-01-10')).toBe('probationary');
    expect(stageOn(full, '2023-01-09')).toBe('probationary');
    expect(stageOn(full, '2023-01-10')).toBe('full');
  });

  it('never goes past the stage the membership has reached', () => {
    expect(stageOn({ ...full, category: 'probationary', fullOn: null }, '2030-01-01')).toBe('probationary');
    expect(stageOn({ ...full, category: 'applicant', activistOn: null, targetOn: null, joinedOn: null, fullOn: null }, '2030-01-01')).toBe('applicant');
  });

  it('counts a stage without its date from the next recorded one, then from the start, then always', () => {
    const imported: StageDates = { category: 'full', startedOn: null, appliedOn: null, activistOn: null, targetOn: null, joinedOn: null, fullOn: '2010-07-01' };
    expect(stageOn(imported, '2010-06-30')).toBe(null);
    expect(stageOn(imported, '2010-07-01')).toBe('full');
    expect(stageOn({ ...imported, joinedOn: '2009-07-01' }, '2010-06-30')).toBe('probationary');
    expect(stageOn({ ...imported, fullOn: null, startedOn: '2015-03-01' }, '2015-02-28')).toBe(null);
    expect(stageOn({ ...imported, fullOn: null, startedOn: '2015-03-01' }, '2015-03-01')).toBe('full');
    expect(stageOn({ ...imported, fullOn: null }, '1900-01-01')).toBe('full');
  });
});
