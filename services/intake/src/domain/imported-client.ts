import type { HmisClient } from '@hearth/events';
import { birthDateRefusal, type NewParticipant } from './participant';

/**
 * What intake takes in from an HMIS import's client (reporting.hmis-client.imported): a participant
 * of the importer's organization, restricted to it, or why not. Pure. Intake needs a name and a
 * birth date to take anyone in, and HUD's rows may hold neither (data quality 8, 9 or 99).
 */
export function importedParticipant(
  client: HmisClient,
  today: string,
): { participant: NewParticipant } | { notTakenIn: string } {
  const { firstName, lastName, birthDate } = client;
  if (!firstName || !lastName) return { notTakenIn: 'No first and last name' };
  if (!birthDate) return { notTakenIn: 'No birth date' };
  const refusal = birthDateRefusal(birthDate, today);
  if (refusal) return { notTakenIn: 'detail' in refusal ? refusal.detail : 'Birth date refused' };
  return {
    participant: {
      firstName,
      middleName: client.middleName,
      lastName,
      birthDate,
      // HUD's "not collected" (99) is no answer at all: the use case records it as none (null);
      // the intake form's schema asks for one, so it is the placeholder until then
      sex: client.sex ?? 'unknown',
      ssnRefused: client.ssnRefused || undefined,
      race: client.race,
      demographics: demographicsOf(client),
      securityRestriction: 'restrict_to_org',
    },
  };
}

/** HUD's veteran status and disabling condition answers, each only when the sender had one. */
function demographicsOf({ veteranStatus, disablingCondition }: HmisClient) {
  if (!veteranStatus && !disablingCondition) return null;
  return {
    ...(veteranStatus ? { veteranStatus } : {}),
    ...(disablingCondition ? { disablingCondition } : {}),
  };
}

/** Why the record was linked, in its link and history: the sender's row it came from. */
export const importLinkReason = (client: HmisClient, score: number) =>
  `HMIS import: export ${client.exportId}, PersonalID ${client.personalId}, same name and birth date (score ${score})`;
