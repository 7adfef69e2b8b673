import type { Queryable } from '@hearth/db';
import type { HmisService } from '@hearth/events';

/** Who imported: the envelope's actor with the roles they had, kept with their rows. */
export interface Importer {
  userId: string;
  name: string;
  orgId: string;
  roles: string[];
}
/** One imported enrollment of the importer's organization, by the sender's ids. */
export interface ImportedEnrollmentKey {
  orgId: string;
  exportId: string;
  enrollmentId: string;
}
export interface RecordedEnrollment {
  recordedAs: string;
  participantId: string;
  exitDate: string | null;
}
export interface PendingService {
  orgId: string;
  exportId: string;
  servicesId: string;
  importer: Importer;
  data: HmisService;
}

/**
 * Both events of one imported enrollment wait on this lock, so a service and the enrollment's id
 * handled at once cannot each miss the other.
 */
export async function lockImportedEnrollment(tx: Queryable, k: ImportedEnrollmentKey) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 100))', [
    `${k.orgId}/${k.exportId}/${k.enrollmentId}`,
  ]);
}

/** Keeps an imported service; false when it was here already (a replay). */
export async function keepImportedService(
  tx: Queryable,
  importer: Importer,
  data: HmisService,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_import_services
       (org_id, export_id, services_id, enrollment_id, import_id, importer, data, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [
      importer.orgId,
      data.exportId,
      data.servicesId,
      data.enrollmentId,
      data.importId,
      importer,
      data,
      now,
    ],
  );
  return rowCount === 1;
}

/** What enrollment made of an imported enrollment: recorded (with what a service needs), or refused. */
export type EnrollmentAnswer = RecordedEnrollment | { refused: string };

/** Keeps enrollment's answer for an imported enrollment; false when it was here already. */
export async function keepEnrollmentAnswer(
  tx: Queryable,
  k: ImportedEnrollmentKey,
  a: EnrollmentAnswer,
): Promise<boolean> {
  const recorded = 'recordedAs' in a ? a : null;
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_import_enrollments (org_id, export_id, enrollment_id, recorded_as,
       participant_id, exit_date, refused_reason) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING`,
    [
      k.orgId,
      k.exportId,
      k.enrollmentId,
      recorded?.recordedAs ?? null,
      recorded?.participantId ?? null,
      recorded?.exitDate ?? null,
      'refused' in a ? a.refused : null,
    ],
  );
  return rowCount === 1;
}

export async function enrollmentAnswerOf(
  db: Queryable,
  k: ImportedEnrollmentKey,
): Promise<EnrollmentAnswer | null> {
  const { rows } = await db.query<RecordedEnrollment & { refused: string | null }>(
    `SELECT recorded_as AS "recordedAs", participant_id AS "participantId",
            to_char(exit_date, 'YYYY-MM-DD') AS "exitDate", refused_reason AS refused
     FROM hmis_import_enrollments WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3`,
    [k.orgId, k.exportId, k.enrollmentId],
  );
  const row = rows[0];
  if (!row) return null;
  const { refused, ...recorded } = row;
  return refused === null ? recorded : { refused };
}

/** The enrollment's imported services still waiting for its id, in the sender's order. */
export async function pendingServicesOf(
  db: Queryable,
  k: ImportedEnrollmentKey,
): Promise<PendingService[]> {
  const { rows } = await db.query<PendingService>(
    `SELECT org_id AS "orgId", export_id AS "exportId", services_id AS "servicesId", importer, data
     FROM hmis_import_services
     WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3 AND state = 'pending'
     ORDER BY services_id`,
    [k.orgId, k.exportId, k.enrollmentId],
  );
  return rows;
}

export async function settleImportedService(
  tx: Queryable,
  row: Pick<PendingService, 'orgId' | 'exportId' | 'servicesId'>,
  outcome: { recordedAs: string } | { refused: string },
  now: Date,
) {
  const recorded = 'recordedAs' in outcome;
  await tx.query(
    `UPDATE hmis_import_services SET state = $4, recorded_as = $5, reason = $6, settled_at = $7
     WHERE org_id = $1 AND export_id = $2 AND services_id = $3`,
    [
      row.orgId,
      row.exportId,
      row.servicesId,
      recorded ? 'recorded' : 'refused',
      recorded ? outcome.recordedAs : null,
      recorded ? null : outcome.refused.slice(0, 1000),
      now,
    ],
  );
}

/**
 * The id of the program's catalog type for a HUD code pair, made when missing (the unique index
 * lets a racing import make it once; this one then reads it). Undefined when a type of the same
 * name that stands for no such pair is in the catalog already. Imported types start no
 * participation and are not qualifying: the service is the other system's history.
 */
export async function importedServiceTypeId(
  tx: Queryable,
  t: { id: string; orgId: string; programId: string; createdBy: string; name: string },
  code: { recordType: number; typeProvided: number; amountAllowed: boolean },
): Promise<string | undefined> {
  const find = async () =>
    (
      await tx.query<{ id: string }>(
        `SELECT id FROM service_types
         WHERE program_id = $1 AND hud_record_type = $2 AND hud_type_provided = $3`,
        [t.programId, code.recordType, code.typeProvided],
      )
    ).rows[0]?.id;
  const found = await find();
  if (found) return found;
  await tx.query(
    `INSERT INTO service_types (id, org_id, program_id, created_by, name, requires_comment,
       requires_provided_by, provided_by_options, starts_participation,
       updates_last_qualifying_date, dated, training, units_allowed, amount_allowed,
       hud_record_type, hud_type_provided)
     VALUES ($1, $2, $3, $4, $5, false, false, '{}', false, false, false, false, false, $6, $7, $8)
     ON CONFLICT DO NOTHING`,
    [
      t.id,
      t.orgId,
      t.programId,
      t.createdBy,
      t.name,
      code.amountAllowed,
      code.recordType,
      code.typeProvided,
    ],
  );
  return find();
}
