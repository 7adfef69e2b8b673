import { ageOn, wholeMonthsBetween } from '@hearth/time';
import type { RegistrationAnswers } from './registration-answers';

/**
 * The facts eligibility criteria may name. Numbers are compared, choices are matched against a
 * list; a fact nobody has recorded is `null` and makes its criterion "unknown", never "not met".
 */
export const numericFacts = [
  'age',
  'monthsSinceUsArrival',
  'householdIncomeCents',
  'householdSize',
  'adultsInHousehold',
  'childrenInHousehold',
] as const;
export const choiceFacts = [
  'sex',
  'immigrationStatus',
  'employmentStatus',
  'employmentCharacteristics',
  'housingTypeAtRegistration',
] as const;
export type NumericFact = (typeof numericFacts)[number];
export type ChoiceFact = (typeof choiceFacts)[number];
export type FactName = NumericFact | ChoiceFact;

export type Facts = { [F in NumericFact]: number | null } & {
  [F in ChoiceFact]: string | readonly string[] | null;
};

/** What the read model knows of a person (from intake's events). */
export interface PersonFacts {
  birthDate: string;
  sex: string | null;
  immigrationStatus: string | null;
  usArrivalDate: string | null;
}

/**
 * A person's facts on a date: their own (age, arrival) plus the household's registration answers.
 * The date is the application date, so a rule like "18 or older" is judged when they applied.
 */
export function eligibilityFacts(
  person: PersonFacts,
  answers: RegistrationAnswers,
  on: string,
): Facts {
  const adults = answers.adultsInHousehold ?? null;
  const children = answers.childrenInHousehold ?? null;
  return {
    age: ageOn(person.birthDate, on),
    monthsSinceUsArrival: person.usArrivalDate
      ? wholeMonthsBetween(person.usArrivalDate, on)
      : null,
    householdIncomeCents: answers.householdIncomeCents ?? null,
    householdSize: adults !== null && children !== null ? adults + children : null,
    adultsInHousehold: adults,
    childrenInHousehold: children,
    sex: person.sex,
    immigrationStatus: person.immigrationStatus,
    employmentStatus: answers.employmentStatus ?? null,
    employmentCharacteristics: answers.employmentCharacteristics ?? null,
    housingTypeAtRegistration: answers.housingTypeAtRegistration ?? null,
  };
}

/** Where a missing fact is entered, so "missing information" names a field a worker can fill. */
export const sourceFieldOf: Record<FactName, string> = {
  age: 'birthDate',
  monthsSinceUsArrival: 'usArrivalDate',
  householdIncomeCents: 'householdIncomeCents',
  householdSize: 'adultsInHousehold',
  adultsInHousehold: 'adultsInHousehold',
  childrenInHousehold: 'childrenInHousehold',
  sex: 'sex',
  immigrationStatus: 'immigrationStatus',
  employmentStatus: 'employmentStatus',
  employmentCharacteristics: 'employmentCharacteristics',
  housingTypeAtRegistration: 'housingTypeAtRegistration',
};
