import type { ParticipantSharing } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import type { ParticipantFacts } from '@hearth/events';
import { sharingOf } from '@hearth/sharing';
import type { PersonFacts } from '../domain/facts';

/** A participant as enrollment knows them from intake's events: facts and sharing. */
export interface KnownParticipant extends PersonFacts {
  participantId: string;
  firstName: string;
  lastName: string;
  sharing: ParticipantSharing;
}

/** Upsert a participant's facts; an older event never overwrites a newer one. */
export async function saveParticipantFacts(
  tx: Queryable,
  facts: ParticipantFacts,
  occurredAt: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO participant_facts (participant_id, owner_org_id, first_name, middle_name, last_name, birth_date, sex,
       security_restriction, immigration_status, us_arrival_date, last_event_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (participant_id) DO UPDATE SET
       owner_org_id = EXCLUDED.owner_org_id, first_name = EXCLUDED.first_name, middle_name = EXCLUDED.middle_name,
       last_name = EXCLUDED.last_name, birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex,
       security_restriction = EXCLUDED.security_restriction, immigration_status = EXCLUDED.immigration_status,
       us_arrival_date = EXCLUDED.us_arrival_date, last_event_at = EXCLUDED.last_event_at
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
      facts.immigrationStatus,
      facts.usArrivalDate,
      occurredAt,
    ],
  );
}

/**
 * The participants among `ids` that enrollment knows, with their sharing from intake's versioned
 * sharing events. One whose facts arrived before their sharing is left out, as if unknown: without
 * sharing facts nobody may see them (never fail open).
 */
export async function findParticipants(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, KnownParticipant>> {
  const [facts, sharing] = await Promise.all([
    db.query('SELECT * FROM participant_facts WHERE participant_id = ANY($1::uuid[])', [ids]),
    sharingOf(db, ids),
  ]);
  const found = new Map<string, KnownParticipant>();
  for (const r of facts.rows) {
    const shared = sharing.get(r.participant_id);
    if (!shared) continue;
    found.set(r.participant_id, {
      participantId: r.participant_id,
      firstName: r.first_name,
      lastName: r.last_name,
      birthDate: r.birth_date,
      sex: r.sex,
      immigrationStatus: r.immigration_status,
      usArrivalDate: r.us_arrival_date,
      sharing: shared,
    });
  }
  return found;
}
