/** Our exit reasons and housing statuses at exit, read by the enrollment and HMIS-import events. */
/** deceased, family_care, health_medical and institutionalized remove the exit from performance. */
export const exitReasons = [
  'completed',
  'deceased',
  'family_care',
  'health_medical',
  'institutionalized',
  'moved_away',
  'declined_services',
  'unable_to_contact',
  'referral_rejected',
  'no_qualifying_service',
  'other',
] as const;
export const housingStatusesAtExit = [
  'permanent_housing',
  'transitional_housing',
  'shelter',
  'street_car',
  'other_see_case_notes',
] as const;
