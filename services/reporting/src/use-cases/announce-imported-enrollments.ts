import type { Actor } from '@hearth/access';
import { authorOf, recordEvents } from '@hearth/bus';
import { HmisEnrollmentImported, createEvent } from '@hearth/events';
import type { PoolClient } from 'pg';
import { exitOfDestination } from '../domain/hud-codes';

const PAGE = 500;

interface EnrollmentWithExit {
  enrollmentId: string;
  personalId: string;
  projectId: string;
  projectName: string;
  projectType: number | null;
  operatingStartDate: string;
  entryDate: string;
  relationshipToHoH: number;
  householdId: string;
  exitId: string | null;
  exitDate: string | null;
  destination: number | null;
}

/**
 * Announces each enrollment this import added (`reporting.hmis-enrollment.imported`) with its
 * project and, when Exit.csv (of this import or an earlier one) holds one, its exit, so enrollment
 * records it through its own rules; reporting never writes enrollment's tables. Called where the
 * Exit rows landed, in their transaction: both files are in, and rows and announcements commit
 * together. Read a page at a time by EnrollmentID, never the whole file in memory.
 */
export async function announceImportedEnrollments(
  tx: PoolClient,
  actor: Actor & { name?: string },
  imported: { importId: string; exportId: string; orgId: string },
): Promise<number> {
  let after = '';
  let announced = 0;
  for (;;) {
    const { rows } = await tx.query<EnrollmentWithExit>(
      // the page first, then its exits by a hash join: Exit.csv has no index by EnrollmentID
      `WITH page AS (
         SELECT e.enrollment_id, e.personal_id, e.project_id, e.entry_date,
                e.relationship_to_hoh, e.household_id, p.name, p.project_type,
                p.operating_start_date
         FROM hmis_imported_enrollments e
         JOIN hmis_imported_projects p ON p.org_id = e.org_id AND p.project_id = e.project_id
         WHERE e.org_id = $3 AND e.import_id = $1 AND e.enrollment_id > $2
         ORDER BY e.enrollment_id LIMIT ${PAGE}),
       exits AS (
         SELECT DISTINCT ON (enrollment_id) enrollment_id, exit_id, exit_date, destination
         FROM hmis_imported_exits
         WHERE org_id = $3 AND enrollment_id IN (SELECT enrollment_id FROM page)
         ORDER BY enrollment_id, date_updated DESC, exit_id)
       SELECT page.enrollment_id AS "enrollmentId", personal_id AS "personalId",
              project_id AS "projectId", name AS "projectName", project_type AS "projectType",
              to_char(operating_start_date, 'YYYY-MM-DD') AS "operatingStartDate",
              to_char(entry_date, 'YYYY-MM-DD') AS "entryDate",
              relationship_to_hoh AS "relationshipToHoH", household_id AS "householdId",
              exit_id AS "exitId", to_char(exit_date, 'YYYY-MM-DD') AS "exitDate", destination
       FROM page LEFT JOIN exits USING (enrollment_id)
       ORDER BY page.enrollment_id`,
      [imported.importId, after, imported.orgId],
    );
    if (!rows.length) return announced;
    after = rows[rows.length - 1]!.enrollmentId;
    const events = [];
    for (const r of rows) {
      const data = HmisEnrollmentImported.data.safeParse(eventDataOf(r, imported, actor));
      // an id longer than HUD's 32 characters cannot be announced: the row stays reporting's alone
      if (data.success)
        events.push(
          createEvent(HmisEnrollmentImported, {
            orgId: actor.orgId,
            ...authorOf({ userId: actor.userId, name: actor.name ?? 'HMIS import' }),
            data: data.data,
          }),
        );
    }
    await recordEvents(tx, events);
    announced += events.length;
  }
}

function eventDataOf(
  r: EnrollmentWithExit,
  imported: { importId: string; exportId: string },
  actor: Actor,
) {
  return {
    importId: imported.importId,
    exportId: imported.exportId,
    enrollmentId: r.enrollmentId,
    personalId: r.personalId,
    importerRoles: [...actor.roles],
    project: {
      projectId: r.projectId,
      name: r.projectName,
      projectType: r.projectType,
      operatingStartDate: r.operatingStartDate,
    },
    entryDate: r.entryDate,
    relationshipToHoH: r.relationshipToHoH,
    householdId: r.householdId,
    exit:
      r.exitId === null
        ? null
        : {
            exitId: r.exitId,
            exitDate: r.exitDate!,
            destination: r.destination!,
            ...exitOfDestination(r.destination!),
          },
  };
}
