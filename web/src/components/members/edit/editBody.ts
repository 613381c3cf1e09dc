import type { Dayjs } from 'dayjs';
import { isoDay } from '../../../forms.js';
import type { MemberEditBody, MemberRecord } from './types.js';

/** The edit form's values; the ID and phone numbers are undefined unless a new one is being typed. */
export interface EditValues {
  name: string;
  gender?: '1' | '2';
  ethnicity: string;
  birthDate?: Dayjs | null;
  idNumber?: string;
  phone?: string;
  education?: string | null;
  occupation?: string | null;
  address?: string;
  mobile: boolean;
  mobileDestination?: string;
  mobileSince?: Dayjs | null;
  reportingCommunity?: string;
  outOfContact: boolean;
  retired: boolean;
  needsCare: boolean;
}

/** The form's starting values: the record as it is, the numbers left alone. */
export function initialValues(record: MemberRecord, day: (iso: string) => Dayjs): EditValues {
  const m = record.membership;
  return {
    name: record.name,
    gender: record.gender === '1' || record.gender === '2' ? record.gender : undefined,
    ethnicity: record.ethnicity,
    birthDate: record.birthDate ? day(record.birthDate) : null,
    education: record.education,
    occupation: record.occupation,
    address: record.address ?? '',
    mobile: m?.mobile ?? false,
    mobileDestination: m?.mobileDestination ?? '',
    mobileSince: m?.mobileSince ? day(m.mobileSince) : null,
    reportingCommunity: m?.reportingCommunity ?? '',
    outOfContact: m?.outOfContact ?? false,
    retired: m?.retired ?? false,
    needsCare: m?.needsCare ?? false,
  };
}

const text = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

/** Only what the user changed, so that the update is partial and the audit trail shows just that. */
export function editBody(record: MemberRecord, v: EditValues): MemberEditBody {
  const body: MemberEditBody = {};
  const put = <K extends keyof MemberEditBody>(key: K, value: MemberEditBody[K], was: unknown) => {
    if (value !== was) body[key] = value;
  };
  put('name', v.name.trim(), record.name);
  put('gender', v.gender, record.gender ?? undefined);
  put('ethnicity', v.ethnicity, record.ethnicity);
  put('birthDate', isoDay(v.birthDate) ?? null, record.birthDate);
  // A number being replaced is sent as typed (empty: delete it); one left alone is not sent.
  if (v.idNumber !== undefined) body.idNumber = text(v.idNumber);
  if (v.phone !== undefined) body.phone = text(v.phone);
  put('education', v.education ?? null, record.education);
  put('occupation', v.occupation ?? null, record.occupation);
  put('address', text(v.address), record.address);
  const m = record.membership;
  if (!m) return body;
  put('mobile', v.mobile, m.mobile);
  if (v.mobile) {
    put('mobileDestination', text(v.mobileDestination), m.mobileDestination);
    put('mobileSince', isoDay(v.mobileSince) ?? null, m.mobileSince);
  }
  put('reportingCommunity', text(v.reportingCommunity), m.reportingCommunity);
  put('outOfContact', v.outOfContact, m.outOfContact);
  put('retired', v.retired, m.retired);
  put('needsCare', v.needsCare, m.needsCare);
  return body;
}
