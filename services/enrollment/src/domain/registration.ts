import type { Eligibility } from './eligibility';
import { sourceFieldOf } from './facts';
import { labelOf } from './labels';
import {
  isAnswered,
  type RegistrationAnswers,
  type RegistrationField,
} from './registration-answers';

export interface MissingInformation {
  field: string;
  message: string;
}
export interface IneligibleReason {
  participantId: string;
  message: string;
}
/** I-Trac's "Registration Results": registration completes only when both lists are empty. */
export interface RegistrationResults {
  missingInformation: MissingInformation[];
  ineligibleReasons: IneligibleReason[];
  readyToRegister: boolean;
}

export interface MemberStanding {
  participantId: string;
  isHead: boolean;
  eligibility: Eligibility;
  /** An ineligible member included on purpose: their reasons no longer block registration. */
  overrideReason: string | null;
}

export function registrationResults(
  requiredFields: readonly RegistrationField[],
  answers: RegistrationAnswers,
  members: readonly MemberStanding[],
): RegistrationResults {
  const missing = new Map<string, string>();
  for (const field of requiredFields) {
    if (!isAnswered(answers, field)) missing.set(field, `${labelOf(field)} is required`);
  }
  // The head's unknown criteria are missing information too: eligibility cannot be shown without them.
  const head = members.find((m) => m.isHead);
  for (const reason of head?.eligibility.reasons ?? []) {
    const field = sourceFieldOf[reason.fact];
    if (reason.outcome === 'unknown' && !missing.has(field)) missing.set(field, reason.message);
  }
  const ineligibleReasons = members
    .filter((m) => m.isHead || m.overrideReason === null)
    .flatMap((m) =>
      m.eligibility.reasons
        .filter((r) => r.outcome === 'not_met')
        .map((r) => ({ participantId: m.participantId, message: r.message })),
    );
  const missingInformation = [...missing].map(([field, message]) => ({ field, message }));
  return {
    missingInformation,
    ineligibleReasons,
    readyToRegister: missingInformation.length === 0 && ineligibleReasons.length === 0,
  };
}
