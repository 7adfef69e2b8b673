import { badRequest } from '@hearth/http';
import type { ParticipantFacts } from '@hearth/events';
import type { SsnCipher } from '../ssn-cipher';
import type { ParticipantRecord } from '../store/participants';
import { normalizeId } from './matching';
import type { NewParticipant, ParticipantChanges, ParticipantView } from './participant';
import { parseSsn, ssnAnswer } from './ssn';

type SsnFields = Pick<ParticipantRecord, 'ssnCiphertext' | 'ssnKeyId' | 'ssnLast4' | 'ssnRefused'>;

/** The SSN as stored: encrypted with its key id, last 4 kept for search; or refused; or nothing. */
export function storedSsn(
  ssn: string | null | undefined,
  refused: boolean | undefined,
  cipher: SsnCipher,
): SsnFields {
  if (refused) {
    if (ssn)
      throw badRequest('Either give the SSN or mark it refused, not both.', [
        { field: 'ssnRefused', message: 'An SSN was also given' },
      ]);
    return { ssnCiphertext: null, ssnKeyId: null, ssnLast4: null, ssnRefused: true };
  }
  if (!ssn) return { ssnCiphertext: null, ssnKeyId: null, ssnLast4: null, ssnRefused: false };
  const parsed = parseSsn(ssn);
  // the message never repeats the value: errors are logged and an SSN must not reach a log
  if ('problem' in parsed)
    throw badRequest('The SSN is not valid.', [{ field: 'ssn', message: parsed.problem }]);
  const { ciphertext, keyId } = cipher.encrypt(parsed.digits);
  return {
    ssnCiphertext: ciphertext,
    ssnKeyId: keyId,
    ssnLast4: parsed.digits.slice(5),
    ssnRefused: false,
  };
}

export function newRecord(
  input: NewParticipant,
  ids: { id: string; ownerOrgId: string },
  cipher: SsnCipher,
): ParticipantRecord {
  const { ssn, ssnRefused, confirmNew: _confirm, ...fields } = input;
  return {
    ...ids,
    firstName: fields.firstName,
    middleName: fields.middleName ?? null,
    lastName: fields.lastName,
    birthDate: fields.birthDate,
    sex: fields.sex,
    alienNumber: fields.alienNumber ? normalizeId(fields.alienNumber) : null,
    email: fields.email ?? null,
    phones: fields.phones ?? [],
    addresses: fields.addresses ?? [],
    secondaryContact: fields.secondaryContact ?? null,
    race: fields.race ?? [],
    ethnicity: fields.ethnicity ?? null,
    primaryLanguage: fields.primaryLanguage ?? null,
    immigration: fields.immigration ?? null,
    demographics: fields.demographics ?? null,
    securityRestriction: fields.securityRestriction,
    ...storedSsn(ssn, ssnRefused, cipher),
  };
}

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * The fields a change really alters, in storage form, plus their history entries (old → new).
 * The SSN's history shows only last 4 or "refused", like every other answer about it.
 */
export function applyChanges(
  current: ParticipantRecord,
  input: Omit<ParticipantChanges, 'version'>,
  cipher: SsnCipher,
): { changes: Partial<ParticipantRecord>; history: FieldChange[] } {
  const { ssn, ssnRefused, ...fields } = input;
  const wanted: Partial<ParticipantRecord> = { ...fields } as Partial<ParticipantRecord>;
  if (fields.alienNumber !== undefined)
    wanted.alienNumber = fields.alienNumber ? normalizeId(fields.alienNumber) : null;
  const changes: Partial<ParticipantRecord> = {};
  const history: FieldChange[] = [];
  for (const [field, value] of Object.entries(wanted) as Array<
    [keyof ParticipantRecord, unknown]
  >) {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[field])) continue;
    (changes as Record<string, unknown>)[field] = value;
    history.push({ field, oldValue: current[field], newValue: value });
  }
  if (ssn !== undefined || ssnRefused !== undefined) {
    const next = storedSsn(ssn === undefined ? null : ssn, ssnRefused, cipher);
    const [before, after] = [
      ssnAnswer(current.ssnLast4, current.ssnRefused),
      ssnAnswer(next.ssnLast4, next.ssnRefused),
    ];
    const sameNumber =
      ssn && current.ssnCiphertext && current.ssnLast4 === next.ssnLast4 && !current.ssnRefused;
    if (before !== after || (ssn && !sameNumber)) {
      Object.assign(changes, next);
      history.push({ field: 'ssn', oldValue: before, newValue: after });
    }
  }
  return { changes, history };
}

/** What other services may know of a participant (no SSN, no contact details). */
export const factsOf = (p: ParticipantView): ParticipantFacts => ({
  participantId: p.id,
  ownerOrgId: p.ownerOrgId,
  firstName: p.firstName,
  middleName: p.middleName,
  lastName: p.lastName,
  birthDate: p.birthDate,
  sex: p.sex,
  securityRestriction: p.securityRestriction,
  immigrationStatus: p.immigration?.status ?? null,
  usArrivalDate: p.immigration?.usArrivalDate ?? null,
});
