import { z } from 'zod';
import { emailAddress } from '@hearth/http';

/** I-Trac's "Employment Characteristics": the eligibility rules of housing programs look here. */
export const employmentCharacteristics = [
  'homeless',
  'fleeing_violence',
  'qualified_homeless_before_current_housing',
  'housing_insecure',
  'none_of_these',
] as const;

const cents = () => z.number().int().min(0).max(100_000_000_00);
const people = () => z.number().int().min(0).max(50);
const text = (max: number) => z.string().trim().min(1).max(max);

/** The guide's yes/no history questions (property debt, eviction, ...): details when yes. */
const history = () =>
  z
    .strictObject({ answer: z.enum(['yes', 'no']), details: text(2000).optional() })
    .superRefine((h, ctx) => {
      if (h.answer === 'yes' && !h.details)
        ctx.addIssue({
          code: 'custom',
          path: ['details'],
          message: 'Details are required for yes',
        });
    });

/** Every registration field a program may require, with the shape of its answer. */
const fields = {
  address: z.string().trim().min(1).max(300),
  phone: z.string().trim().min(1).max(40),
  email: emailAddress(200),
  employmentStatus: z.enum(['employed', 'unemployed', 'not_in_labor_force']),
  employmentCharacteristics: z.array(z.enum(employmentCharacteristics)).max(10),
  economicCharacteristics: z.array(z.string().trim().min(1).max(100)).max(20),
  householdIncomeCents: cents(),
  adultsInHousehold: people(),
  childrenInHousehold: people(),
  housingTypeAtRegistration: z.enum(['rapid_rehousing', 'homeless_prevention']),
  totalAmountRequestedCents: cents(),
  // the rest of a Rent Assistance registration (I-Trac guide): never prefilled
  publicAssistance: z.array(text(100)).max(20),
  otherFundingSource: text(300),
  sixMonthIncomeCents: cents(),
  planToPayRent: text(2000),
  sourceOfIncome: text(500),
  pastPropertyDebt: history(),
  creditDebt: history(),
  evictionHistory: history(),
  criminalHistory: history(),
  registrationNotes: text(4000),
};

export const registrationAnswers = z.strictObject(fields).partial();
export type RegistrationAnswers = z.infer<typeof registrationAnswers>;

type Clearable<T extends Record<string, z.ZodType>> = {
  [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>>;
};
const clearable = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => [name, schema.nullable().optional()]),
  ) as Clearable<T>;

/** A change to the answers: the fields sent replace, `null` clears, the others stay. */
export const registrationChanges = z.strictObject(clearable(fields));
export type RegistrationChanges = z.infer<typeof registrationChanges>;

export const registrationField = registrationAnswers.keyof();
export type RegistrationField = z.infer<typeof registrationField>;

export function applyRegistrationChanges(
  answers: RegistrationAnswers,
  changes: RegistrationChanges,
): RegistrationAnswers {
  const next: Record<string, unknown> = { ...answers };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as RegistrationAnswers;
}

/** An answer counts once given; an empty list is an answer ("none of these apply"). */
export const isAnswered = (answers: RegistrationAnswers, field: RegistrationField): boolean =>
  answers[field] !== undefined && answers[field] !== null && answers[field] !== '';
