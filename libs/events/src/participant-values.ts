/** Participant answers that intake records and more than one event carries (one list each). */

/** HUD HMIS race and ethnicity categories (3.04, one list since FY2024), as intake records them. */
export const raceValues = [
  'american_indian_alaska_native_indigenous',
  'asian_asian_american',
  'black_african_american_african',
  'hispanic_latina_e_o',
  'middle_eastern_north_african',
  'native_hawaiian_pacific_islander',
  'white',
  'client_doesnt_know',
  'client_prefers_not_to_answer',
] as const;
export const veteranStatuses = ['yes', 'no', 'unknown', 'refused'] as const;
/** HUD's 3.08 disabling condition as intake records it: the answer only, never the condition. */
export const disablingConditions = ['yes', 'no', 'unknown', 'refused'] as const;
/**
 * What intake holds of the SSN, never the number: `full` (intake keeps only whole 9-digit SSNs,
 * encrypted), `refused` (the client declined), `none` (nothing recorded).
 */
export const ssnStatuses = ['full', 'refused', 'none'] as const;
