/**
 * What a service on a Rent Assistance record counts as. Services' events (and catalog entries)
 * carry the catalog's flags, not type names, and the RA program's catalog holds the guide's types,
 * whose flags tell them apart (I-Trac Rent Assistance guide, "Hub service types"):
 * - coaching copied in by the career coach (Career and Resource Planning, Career Coaching, Career
 *   Mapping Workshop, Job Search Assistance): updates LQ, does not start participation;
 * - Rapid Rehousing / Homeless Prevention, the hub's: start participation, do not update LQ;
 * - Hub Final Rent Exit, the hub's: both (its date sets the exit date).
 * Services (who records which), enrollment (the exit) and rent-assistance (the ledger) read them
 * by this one rule.
 */
export type RentAssistanceServiceKind = 'coaching' | 'housing_support' | 'final_rent_exit';

export function rentAssistanceServiceKind(flags: {
  startsParticipation: boolean;
  qualifying: boolean;
}): RentAssistanceServiceKind | null {
  if (flags.qualifying && flags.startsParticipation) return 'final_rent_exit';
  if (flags.qualifying) return 'coaching';
  if (flags.startsParticipation) return 'housing_support';
  return null;
}

/** The hub's own service types on the record: the housing supports and the final-rent exit. */
export const isHubServiceKind = (kind: RentAssistanceServiceKind | null) =>
  kind === 'housing_support' || kind === 'final_rent_exit';
