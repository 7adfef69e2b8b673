import type { Queryable } from '@hearth/db';
import type { ParticipantFacts } from '@hearth/events';

/** Upsert a participant's facts; an older event never overwrites a newer one. */
export async function saveParticipantFacts(
  tx: Queryable,
  facts: ParticipantFacts,
  occurredAt: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO participant_facts (participant_id, owner_org_id, first_name, middle_name, last_name, birth_date, sex, security_restriction, last_event_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (participant_id) DO UPDATE SET
       owner_org_id = EXCLUDED.owner_org_id, first_name = EXCLUDED.first_name, middle_name = EXCLUDED.middle_name,
       last_name = EXCLUDED.last_name, birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex,
       security_restriction = EXCLUDED.security_restriction, last_event_at = EXCLUDED.last_event_at
     WHERE participant_facts.last_event_at <= EXCLUDED.last_event_at`,
    [
      facts.participantId,
      facts.ownerOrgId,
      facts.firstName,
      facts.middleName,
      facts.lastName,
      facts.birthDate,
      facts.sex,
      facts.securityRestriction,
      occurredAt,
    ],
  );
}
