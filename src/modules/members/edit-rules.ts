/**
 * The checks of a correction to a person's registry record, pure: the person's own facts checked
 * as every write of a person checks them (rules/person.ts), the mobile-member details held
 * together, and the result reduced to what actually changes.
 */
import type { z } from 'zod';
import type { membershipFlags } from './contracts.js';
import type { EditField, MemberEditInput } from './edit-contracts.js';
import { blankToNull, changed, checkPerson, problemList, type Fail, type FieldCheck, type PersonValues } from './rules/person.js';

export type FlagValues = z.infer<typeof membershipFlags>;

export type EditProblem = FieldCheck<EditField>;

export interface PlannedEdit {
  /** Only the values that differ from the record. */
  person: Partial<PersonValues>;
  flags: Partial<FlagValues>;
  problems: EditProblem[];
}

const flagFields = ['mobile', 'mobileDestination', 'mobileSince', 'reportingCommunity', 'outOfContact', 'retired', 'needsCare'] as const;
const mobileFields = ['mobile', 'mobileDestination', 'mobileSince'] as const;

/**
 * Checks a partial update against the record (`flags` null: no open membership) as of `today`
 * and answers the changes it makes, or every problem with the field it belongs to.
 */
export function planEdit(person: PersonValues, flags: FlagValues | null, input: MemberEditInput, today: string): PlannedEdit {
  const checked = checkPerson(input, today, person);
  const { problems, fail } = problemList<EditField>(checked.problems);
  if (flags === null) {
    for (const field of flagFields.filter((f) => input[f] !== undefined)) fail(field, 'member_edit.no_open_membership');
    return { person: checked.changes, flags: {}, problems };
  }
  const nextFlags = { ...flags, ...readFlagFields(flags, input, today, fail) };
  return { person: checked.changes, flags: changed(flags, nextFlags), problems };
}

/**
 * The flags: a mobile member needs where they went and since when; the details go when the flag
 * does, and are refused without it. Held together only when one of them is submitted, for the
 * same reason as the ID number.
 */
function readFlagFields(flags: FlagValues, input: MemberEditInput, today: string, fail: Fail<EditField>): Partial<FlagValues> {
  const out: Partial<FlagValues> = {};
  for (const field of ['outOfContact', 'retired', 'needsCare'] as const) {
    if (input[field] !== undefined) out[field] = input[field];
  }
  if (input.reportingCommunity !== undefined) out.reportingCommunity = blankToNull(input.reportingCommunity);
  if (!mobileFields.some((f) => input[f] !== undefined)) return out;

  const mobile = input.mobile ?? flags.mobile;
  const destination = input.mobileDestination === undefined ? flags.mobileDestination : blankToNull(input.mobileDestination);
  const since = input.mobileSince === undefined ? flags.mobileSince : input.mobileSince;
  if (!mobile) {
    if (input.mobileDestination != null && destination !== null) fail('mobileDestination', 'member_edit.mobile_detail_without_flag');
    if (input.mobileSince != null) fail('mobileSince', 'member_edit.mobile_detail_without_flag');
    return { ...out, mobile, mobileDestination: null, mobileSince: null };
  }
  if (destination === null) fail('mobileDestination', 'member_edit.mobile_destination_required');
  if (since === null) fail('mobileSince', 'member_edit.mobile_since_required');
  else if (since > today) fail('mobileSince', 'member_edit.mobile_since_future', { date: since, today });
  return { ...out, mobile, mobileDestination: destination, mobileSince: since };
}
