import type { Actor } from '@hearth/access';
import { authorOf, recordEvents } from '@hearth/bus';
import { HmisExitImported, createEvent } from '@hearth/events';
import type { PoolClient } from 'pg';
import { exitOfDestination } from '../domain/hud-codes';

const PAGE = 500;

interface LaterExit {
  exitId: string;
  enrollmentId: string;
  personalId: string;
  exitDate: string;
  destination: number;
  /** The ExportID of the import that carried the enrollment onward: enrollment knows it by it. */
  enrollmentExportId: string;
}

/**
 * Announces each Exit.csv row this import added for an enrollment an earlier import carried
 * onward (`reporting.hmis-exit.imported`): the client left in the sender's system after that
 * import, so enrollment records the exit by its own rules. The exits of this import's own
 * enrollments ride on their announcement (announce-imported-enrollments.ts); a row this import
 * updated is a correction, not a new exit, and is not announced. Called where the Exit rows
 * landed, in their transaction; a page at a time by ExitID.
 */
export async function announceLaterExits(
  tx: PoolClient,
  actor: Actor & { name?: string },
  imported: { importId: string; orgId: string },
): Promise<number> {
  let after = '';
  let announced = 0;
  for (;;) {
    const { rows } = await tx.query<LaterExit>(
      `SELECT x.exit_id AS "exitId", x.enrollment_id AS "enrollmentId",
              x.personal_id AS "personalId", to_char(x.exit_date, 'YYYY-MM-DD') AS "exitDate",
              x.destination, i.export_id AS "enrollmentExportId"
       FROM hmis_imported_exits x
       JOIN hmis_imported_enrollments e ON e.org_id = x.org_id AND e.enrollment_id = x.enrollment_id
       JOIN hmis_imports i ON i.import_id = e.import_id
       WHERE x.org_id = $2 AND x.import_id = $1 AND e.import_id <> $1 AND x.exit_id > $3
         AND x.date_deleted IS NULL AND e.date_deleted IS NULL
       ORDER BY x.exit_id LIMIT ${PAGE}`,
      [imported.importId, imported.orgId, after],
    );
    if (!rows.length) return announced;
    after = rows[rows.length - 1]!.exitId;
    const events = [];
    for (const r of rows) {
      const data = HmisExitImported.data.safeParse({
        importId: imported.importId,
        exportId: r.enrollmentExportId,
        enrollmentId: r.enrollmentId,
        personalId: r.personalId,
        exit: {
          exitId: r.exitId,
          exitDate: r.exitDate,
          destination: r.destination,
          ...exitOfDestination(r.destination),
        },
      });
      // an id longer than HUD's 32 characters cannot be announced: the row stays reporting's alone
      if (data.success)
        events.push(
          createEvent(HmisExitImported, {
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
