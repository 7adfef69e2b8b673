import type { FieldError } from '@hearth/http';
import type { Program } from '../store/programs';
import { exitRemovalProblem } from './program-status';
import type { RegistrationAnswers, RegistrationField } from './registration-answers';

/** The Registration Tab's required (yellow) fields of a Rent Assistance record (I-Trac guide). */
export const RA_REQUIRED_FIELDS: readonly RegistrationField[] = [
  'address',
  'phone',
  'employmentCharacteristics',
  'employmentStatus',
  'otherFundingSource',
  'sixMonthIncomeCents',
  'adultsInHousehold',
  'childrenInHousehold',
  'totalAmountRequestedCents',
  'housingTypeAtRegistration',
  'planToPayRent',
  'sourceOfIncome',
  'pastPropertyDebt',
  'creditDebt',
  'evictionHistory',
  'criminalHistory',
];

/**
 * What "some Registration information may automatically import from the most recent active
 * enrollment" covers: contact details and the characteristics, never the money or the histories.
 */
export const PREFILLED_FIELDS = [
  'address',
  'phone',
  'email',
  'employmentCharacteristics',
  'employmentStatus',
  'publicAssistance',
] as const satisfies readonly RegistrationField[];

export const isRentAssistance = (program: Pick<Program, 'kind'>) =>
  program.kind === 'rent_assistance';

/** The fields registration needs: the program's own, and a Rent Assistance record's always. */
export function requiredFieldsOf(
  program: Pick<Program, 'kind' | 'requiredRegistrationFields'>,
): RegistrationField[] {
  const own = program.requiredRegistrationFields;
  if (!isRentAssistance(program)) return [...own];
  return [...new Set([...own, ...RA_REQUIRED_FIELDS])];
}

const HOUSING_NEED = ['homeless', 'housing_insecure'] as const;

/**
 * "To be eligible must be Homeless or Housing Insecure": an answer saying neither is refused on a
 * Rent Assistance record (no answer yet is missing information, listed by registration results).
 */
export function housingNeedProblem(
  program: Pick<Program, 'kind'>,
  answers: RegistrationAnswers,
): { field: string; message: string } | null {
  const given = answers.employmentCharacteristics;
  if (!isRentAssistance(program) || given === undefined) return null;
  if (given.some((c) => (HOUSING_NEED as readonly string[]).includes(c))) return null;
  return {
    field: 'registration.employmentCharacteristics',
    message: 'Rent Assistance requires Homeless or Housing Insecure',
  };
}

/** The answers a new registration starts from: the importable ones of an earlier enrollment. */
export function prefillFrom(answers: RegistrationAnswers): RegistrationAnswers {
  const out: Record<string, unknown> = {};
  for (const field of PREFILLED_FIELDS)
    if (answers[field] !== undefined) out[field] = answers[field];
  return out as RegistrationAnswers;
}

/**
 * "A participant returning within 90 days continues the same record (exit removed by a contract
 * manager); after 90 days a new record is needed": a new record while the last one's exit can
 * still be removed is refused, naming the record to continue. A pre-program exit never began.
 */
export function returnWithinWindowProblem(
  lastExited: { id: string; exitDate: string | null } | undefined,
  today: string,
): FieldError | null {
  if (!lastExited?.exitDate || exitRemovalProblem(lastExited.exitDate, today)) return null;
  return {
    field: 'headParticipantId',
    message: `Exited ${lastExited.exitDate} from record ${lastExited.id}: within 90 days a contract manager removes that exit and the record continues`,
  };
}

/**
 * "Staff need to enter the final service of Hub Final Rent Exit on the Services Tab before
 * entering this Exit status" and "the date of this service will set the Exit date" (I-Trac RA
 * guide, program statuses and hub service types). The guide's exit date is the last day of the
 * last month the hub paid rent for; which months were paid is rent-assistance's ledger, not known
 * here, and the guide dates the final-rent service that very day: so the exit is dated the latest
 * standing final-rent service's date (`finalRentExitDate`, null when none stands).
 */
export function finalRentExitProblems(
  finalRentExitDate: string | null,
  exitDate: string,
): FieldError[] {
  if (finalRentExitDate === null)
    return [
      {
        field: 'kind',
        message:
          'A Rent Assistance record exits only after its Hub Final Rent Exit service: record that service first',
      },
    ];
  if (exitDate !== finalRentExitDate)
    return [
      {
        field: 'exitDate',
        message: `Must be the date of the Hub Final Rent Exit service, ${finalRentExitDate} (the last day of the last month paid)`,
      },
    ];
  return [];
}
