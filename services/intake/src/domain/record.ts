import type { ParticipantFacts } from '@hearth/events';
import { normalizeId } from './matching';
import type { NewParticipant, ParticipantChanges, ParticipantView } from './participant';
import { invalid, type Refusal } from './refusal';
import { parseSsn, ssnAnswer } from './ssn';

/** What the store writes: the view's fields in storage form (SSN encrypted, alien number normalized). */
export interface ParticipantRecord extends Omit<
  ParticipantView,
  'ssn' | 'version' | 'createdAt' | 'updatedAt'
> {
  ssnCiphertext: string | null;
  ssnKeyId: string | null;
  ssnLast4: string | null;
  ssnRefused: boolean;
}

export type SsnFields = Pick<
  ParticipantRecord,
  'ssnCiphertext' | 'ssnKeyId' | 'ssnLast4' | 'ssnRefused'
>;
/** A record before its SSN is sealed: the adapter (adapters/ssn-cipher.ts) encrypts `digits`. */
export type UnsealedRecord = Omit<ParticipantRecord, keyof SsnFields>;

/** What the worker said about the SSN: refused, nothing, or its 9 digits (to be encrypted). */
export type SsnEntry = { refused: true } | { refused: false; digits: string | null };

const last4Of = (entry: SsnEntry) => (!entry.refused && entry.digits?.slice(5)) || null;

/** The SSN as entered, checked; refused when it is both given and marked refused, or not an SSN. */
export function ssnEntry(
  ssn: string | null | undefined,
  refused: boolean | undefined,
): { entry: SsnEntry } | { refusal: Refusal } {
  if (refused) {
    if (ssn)
      return {
        refusal: invalid('Either give the SSN or mark it refused, not both.', [
          { field: 'ssnRefused', message: 'An SSN was also given' },
        ]),
      };
    return { entry: { refused: true } };
  }
  if (!ssn) return { entry: { refused: false, digits: null } };
  const parsed = parseSsn(ssn);
  // the message never repeats the value: errors are logged and an SSN must not reach a log
  if ('problem' in parsed)
    return {
      refusal: invalid('The SSN is not valid.', [{ field: 'ssn', message: parsed.problem }]),
    };
  return { entry: { refused: false, digits: parsed.digits } };
}

/** A new participant's record in storage form, its SSN still to be sealed; or why not. */
export function newRecord(
  input: NewParticipant,
  ids: { id: string; ownerOrgId: string },
): { record: UnsealedRecord; ssn: SsnEntry; ssnLast4: string | null } | { refusal: Refusal } {
  const { ssn, ssnRefused, confirmNew: _confirm, ...fields } = input;
  const checked = ssnEntry(ssn, ssnRefused);
  if ('refusal' in checked) return checked;
  const record: UnsealedRecord = {
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
  };
  return { record, ssn: checked.entry, ssnLast4: last4Of(checked.entry) };
}

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * The fields a change really alters, in storage form, plus their history entries (old → new);
 * `ssn` when the SSN changes (to be sealed into the changes). The SSN's history shows only last 4
 * or "refused", like every other answer about it.
 */
export function applyChanges(
  current: ParticipantRecord,
  input: Omit<ParticipantChanges, 'version'>,
):
  | { changes: Partial<UnsealedRecord>; ssn?: SsnEntry; history: FieldChange[] }
  | { refusal: Refusal } {
  const { ssn, ssnRefused, ...fields } = input;
  const wanted: Partial<ParticipantRecord> = { ...fields } as Partial<ParticipantRecord>;
  if (fields.alienNumber !== undefined)
    wanted.alienNumber = fields.alienNumber ? normalizeId(fields.alienNumber) : null;
  const changes: Partial<UnsealedRecord> = {};
  const history: FieldChange[] = [];
  for (const [field, value] of Object.entries(wanted) as Array<
    [keyof ParticipantRecord, unknown]
  >) {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[field])) continue;
    (changes as Record<string, unknown>)[field] = value;
    history.push({ field, oldValue: current[field], newValue: value });
  }
  if (ssn === undefined && ssnRefused === undefined) return { changes, history };
  const checked = ssnEntry(ssn === undefined ? null : ssn, ssnRefused);
  if ('refusal' in checked) return checked;
  const next = checked.entry;
  const [before, after] = [
    ssnAnswer(current.ssnLast4, current.ssnRefused),
    ssnAnswer(last4Of(next), next.refused),
  ];
  const sameNumber =
    ssn && current.ssnCiphertext && current.ssnLast4 === last4Of(next) && !current.ssnRefused;
  if (before === after && !(ssn && !sameNumber)) return { changes, history };
  history.push({ field: 'ssn', oldValue: before, newValue: after });
  return { changes, ssn: next, history };
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
  race: p.race,
  veteranStatus: p.demographics?.veteranStatus ?? null,
  // the view's ssn is its last 4 only when intake holds the whole number
  ssnStatus: p.ssn === 'refused' ? 'refused' : p.ssn ? 'full' : 'none',
  // the answer only (3.08): what the condition is stays intake's
  disablingCondition: p.demographics?.disablingCondition ?? null,
});
