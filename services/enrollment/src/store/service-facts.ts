import type { Queryable } from '@hearth/db';
import { rentAssistanceServiceKind } from '@hearth/events';

export interface ServiceFact {
  serviceId: string;
  participantId: string;
  enrollmentId: string;
  serviceDate: string;
  startsParticipation: boolean;
  qualifying: boolean;
  version: number;
}

/**
 * Keep what a services event says, unless a newer version is kept already; a delete is final
 * (its version is that of the record it deleted). True when this event is the newest word.
 */
export async function keepServiceFact(
  tx: Queryable,
  f: ServiceFact,
  deleted: boolean,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO enrollment_service_facts (service_id, enrollment_id, service_date,
       starts_participation, qualifying, deleted, version, participant_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (service_id) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id,
       participant_id = EXCLUDED.participant_id,
       service_date = EXCLUDED.service_date, starts_participation = EXCLUDED.starts_participation,
       qualifying = EXCLUDED.qualifying, deleted = EXCLUDED.deleted, version = EXCLUDED.version
     WHERE NOT enrollment_service_facts.deleted
       AND (EXCLUDED.deleted OR enrollment_service_facts.version < EXCLUDED.version)`,
    [
      f.serviceId,
      f.enrollmentId,
      f.serviceDate,
      f.startsParticipation,
      f.qualifying,
      deleted,
      f.version,
      f.participantId,
    ],
  );
  return rowCount === 1;
}

/** From the services still standing: the latest qualifying date and the first start. */
export async function standingServiceDates(
  db: Queryable,
  enrollmentId: string,
): Promise<{ lastQualifying: string | null; firstStart: string | null }> {
  const { rows } = await db.query<{ lastQualifying: string | null; firstStart: string | null }>(
    `SELECT max(service_date) FILTER (WHERE qualifying)::text AS "lastQualifying",
       min(service_date) FILTER (WHERE starts_participation)::text AS "firstStart"
     FROM enrollment_service_facts WHERE enrollment_id = $1 AND NOT deleted`,
    [enrollmentId],
  );
  return rows[0];
}

/**
 * The latest date of a standing (not deleted) Hub Final Rent Exit service; null when none. After
 * an exit removal only one dated after the exit removed counts: the participant came back for more
 * rent, so the old final rent no longer ends the record (asked of an open record: every exit in
 * its history was removed).
 */
export async function finalRentExitDateOf(
  db: Queryable,
  enrollmentId: string,
): Promise<string | null> {
  const { rows } = await db.query<{
    date: string;
    startsParticipation: boolean;
    qualifying: boolean;
  }>(
    `SELECT f.service_date::text AS date, f.starts_participation AS "startsParticipation",
       f.qualifying
     FROM enrollment_service_facts f
     WHERE f.enrollment_id = $1 AND NOT f.deleted
       AND f.service_date > coalesce(
         (SELECT max(s.status_date) FROM program_statuses s
          WHERE s.enrollment_id = $1 AND s.status IN ('exit', 'pre_program_exit', 'auto_exit')),
         '-infinity'::date)
     ORDER BY f.service_date DESC`,
    [enrollmentId],
  );
  return rows.find((f) => rentAssistanceServiceKind(f) === 'final_rent_exit')?.date ?? null;
}

/**
 * Why `serviceId` cannot be named as `participantId`'s related training service, or null when it
 * can: the services service recorded it for them and has not deleted it.
 */
export async function relatedServiceProblem(
  db: Queryable,
  serviceId: string,
  participantId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ participant_id: string | null; deleted: boolean }>(
    'SELECT participant_id, deleted FROM enrollment_service_facts WHERE service_id = $1',
    [serviceId],
  );
  // another participant's service is answered like an unknown one: its existence is not theirs
  if (!rows[0] || rows[0].participant_id !== participantId)
    return "No service of this participant's has this id";
  return rows[0].deleted ? 'This service was deleted' : null;
}
