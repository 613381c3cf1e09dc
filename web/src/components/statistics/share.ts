import type { StatisticsView } from '../../contracts.js';
import type { MessageKey } from '../../i18n/messages.js';

/** A percent the server computed (already rounded to two decimals), shown the way the bulletin prints it. */
export const percentText = (percent: number): string => `${percent.toFixed(2)}%`;

/** One slice of a breakdown, whatever the breakdown calls its label. */
export interface Share {
  label: string;
  count: number;
  percent: number;
}

export type HeadlineFigure = Exclude<keyof StatisticsView['members'], 'total' | 'male' | 'bachelorOrAbove'>;

/** The shares a work summary quotes after the total, in the order the bulletin lists them. */
export const headlineFigures: { figure: HeadlineFigure; label: MessageKey }[] = [
  { figure: 'full', label: 'stats.full' },
  { figure: 'probationary', label: 'stats.probationary' },
  { figure: 'female', label: 'stats.female' },
  { figure: 'minority', label: 'stats.minority' },
  { figure: 'aged35OrUnder', label: 'stats.aged35OrUnder' },
  { figure: 'collegeOrAbove', label: 'stats.collegeOrAbove' },
  { figure: 'mobile', label: 'stats.mobile' },
];
