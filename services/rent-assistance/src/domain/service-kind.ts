/**
 * What a service on a rent-assistance record counts as. Services' events carry the catalog's flags,
 * not type names, and the RA program's catalog holds exactly the guide's types, whose flags tell
 * them apart (I-Trac Rent Assistance guide, "Hub service types"):
 * - coaching copied in (Career and Resource Planning, Career Coaching, Career Mapping Workshop,
 *   Job Search Assistance): updates LQ, does not start participation;
 * - Rapid Rehousing / Homeless Prevention: start participation, do not update LQ;
 * - Hub Final Rent Exit: both (its date sets the exit date).
 */
export type ServiceKind = 'coaching' | 'housing_support' | 'final_rent_exit';

export function serviceKindOf(flags: {
  startsParticipation: boolean;
  qualifying: boolean;
}): ServiceKind | null {
  if (flags.qualifying && flags.startsParticipation) return 'final_rent_exit';
  if (flags.qualifying) return 'coaching';
  if (flags.startsParticipation) return 'housing_support';
  return null;
}
