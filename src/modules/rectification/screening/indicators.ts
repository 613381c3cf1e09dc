/**
 * The automatic indicators as pure threshold rules over what was measured for one village: each answers
 * whether the criterion is met and, when it is, what was measured in the words stored with the
 * proposed finding (Chinese, as the county reads its ledger). Measuring is in measure.ts.
 */
import type { Indicator } from '../criteria.js';

export interface Measurements {
  /** Whole months the secretary post has stood vacant; null while a secretary is in post. */
  secretaryVacantMonths: number | null;
  /** Required meetings missed: overdue cells of the cadence rules over the 12 months before. */
  meetingsMissed: number;
  /** Whole years since the last development target was fixed; null when none ever was and the organization is younger than the threshold would need (see measure.ts). */
  yearsWithoutTarget: number | null;
  /** Concerns rated in the 12 months before, and of them satisfied or basically satisfied. */
  rated: number;
  satisfied: number;
  /** Petitions handled by the organization in the 12 months before, as the acting user may see them. */
  petitions: number;
  /** The low grade of last year's assessment, with its round's title, when it was low. */
  lowGrade: { grade: string; round: string } | null;
}

export const noMeasurements: Measurements = {
  secretaryVacantMonths: null, meetingsMissed: 0, yearsWithoutTarget: null, rated: 0, satisfied: 0, petitions: 0, lowGrade: null,
};

/** Fewer ratings than this say nothing about a village's satisfaction. */
export const MIN_RATINGS = 5;

/** What the indicator measured when it is met, or null when it is not. */
export function indicatorHit(indicator: Indicator, m: Measurements): string | null {
  const { threshold } = indicator;
  switch (indicator.kind) {
    case 'secretary_vacant_months':
      return m.secretaryVacantMonths !== null && m.secretaryVacantMonths > threshold ? `书记空缺 ${m.secretaryVacantMonths} 个月（标准：超过 ${threshold} 个月）` : null;
    case 'meetings_missed':
      return threshold > 0 && m.meetingsMissed >= threshold ? `近 12 个月应开未开组织生活 ${m.meetingsMissed} 次（标准：${threshold} 次及以上）` : null;
    case 'no_development_target_years':
      return m.yearsWithoutTarget !== null && threshold > 0 && m.yearsWithoutTarget >= threshold ? `已 ${m.yearsWithoutTarget} 年未确定发展对象（标准：${threshold} 年及以上）` : null;
    case 'satisfaction_below': {
      if (m.rated < MIN_RATINGS) return null;
      // Compared in whole thousandths so that 59.95 % is below 60 % and 60 % is not.
      const permille = Math.floor((m.satisfied * 1000) / m.rated);
      return permille < threshold * 10 ? `近 12 个月诉求评价满意率 ${(permille / 10).toFixed(1)}%（${m.satisfied}/${m.rated}，标准：低于 ${threshold}%）` : null;
    }
    case 'petitions_above':
      return m.petitions > threshold ? `近 12 个月信访 ${m.petitions} 件（标准：超过 ${threshold} 件）` : null;
    case 'assessment_low_grade':
      return m.lowGrade ? `${m.lowGrade.round}：${m.lowGrade.grade}` : null;
  }
}
