import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { duplicatePersonBody } from '../../../../../src/modules/members/admission/contracts.js';
import { ApiError } from '../../../api.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

export type ExistingPerson = NonNullable<z.infer<typeof duplicatePersonBody>['error']['existing']>;

/** The person already holding a citizen ID number, when a refusal names them (only to a reader who may see them). */
export function existingPerson(error: unknown): ExistingPerson | undefined {
  if (!(error instanceof ApiError) || error.code !== 'duplicate_person') return undefined;
  return error.details.existing as ExistingPerson | undefined;
}

/** A link to that person's profile, under the ID number the form refused. */
export function ExistingPersonLink({ person }: { person: ExistingPerson }) {
  const { t } = useI18n();
  return (
    <Link to={`/members/${person.personId}`} data-testid="existing-person">
      {t('personForm.existing', { name: person.name, org: person.orgName })}
    </Link>
  );
}
