/** The words a case worker reads in reasons and missing information. */
const LABELS: Record<string, string> = {
  age: 'Age',
  monthsSinceUsArrival: 'Months since arrival in the US',
  usArrivalDate: 'US arrival date',
  householdIncomeCents: 'Household income',
  householdSize: 'Household size',
  adultsInHousehold: 'Adults in household',
  childrenInHousehold: 'Children in household',
  sex: 'Sex',
  immigrationStatus: 'Immigration status',
  employmentStatus: 'Employment status',
  employmentCharacteristics: 'Employment characteristics',
  economicCharacteristics: 'Economic characteristics',
  housingTypeAtRegistration: 'Housing type at registration',
  totalAmountRequestedCents: 'Total amount requested',
  publicAssistance: 'Public assistance',
  otherFundingSource: 'Other funding source',
  sixMonthIncomeCents: 'Six month income',
  planToPayRent: 'Plan to pay rent at end of Rent Assistance',
  sourceOfIncome: 'Source of income',
  pastPropertyDebt: 'Past property debt',
  creditDebt: 'Credit debt',
  evictionHistory: 'Eviction history',
  criminalHistory: 'Criminal history',
  registrationNotes: 'Registration notes',
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  birthDate: 'Birth date',
};

const VALUE_LABELS: Record<string, string> = {
  homeless: 'Homeless',
  fleeing_violence: 'Fleeing violence',
  qualified_homeless_before_current_housing: 'Qualified as homeless before current housing',
  housing_insecure: 'Housing insecure',
  rapid_rehousing: 'Rapid Rehousing',
  homeless_prevention: 'Homeless Prevention',
};

export const labelOf = (name: string): string => LABELS[name] ?? name;
export const valueLabelOf = (value: string): string =>
  VALUE_LABELS[value] ?? value.replace(/_/g, ' ');

/** "A", "A or B", "A, B, or C". */
export function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}

export const dollars = (cents: number): string =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
