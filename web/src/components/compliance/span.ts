/** The quick spans of the compliance views: from the start of this month, quarter or year to today. */
import { periodOf } from '../../../../src/platform/cadence/periods.js';

export const spans = ['month', 'quarter', 'year'] as const;
export type Span = (typeof spans)[number];

export interface Days {
  from?: string;
  to?: string;
}

/** This year is what the server answers with no days given, so it leaves the address clean. */
export function spanDays(span: Span, today: string): Days {
  return span === 'year' ? {} : { from: periodOf(span, today).start, to: today };
}

/** The quick span the days in the address are, if any. */
export function spanOf(days: Days, today: string): Span | undefined {
  return spans.find((span) => {
    const quick = spanDays(span, today);
    return quick.from === days.from && quick.to === days.to;
  });
}
