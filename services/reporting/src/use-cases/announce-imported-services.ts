import type { Actor } from '@hearth/access';
import { authorOf, recordEvents } from '@hearth/bus';
import { HmisServiceImported, createEvent } from '@hearth/events';
import type { PoolClient } from 'pg';

const PAGE = 1000;

interface ImportedServiceRow {
  servicesId: string;
  enrollmentId: string;
  personalId: string;
  dateProvided: string;
  recordType: number;
  typeProvided: number;
  faAmountCents: number | null;
}

/**
 * Announces each Services.csv row this import added (`reporting.hmis-service.imported`), so the
 * services service records it on the enrollment its EnrollmentID became, through its own rules;
 * reporting never writes services' tables. Called where the Services rows landed, in their
 * transaction: rows and announcements commit together. A page at a time by ServicesID.
 */
export async function announceImportedServices(
  tx: PoolClient,
  actor: Actor & { name?: string },
  imported: { importId: string; exportId: string; orgId: string },
): Promise<number> {
  let after = '';
  let announced = 0;
  for (;;) {
    const { rows } = await tx.query<ImportedServiceRow>(
      `SELECT services_id AS "servicesId", enrollment_id AS "enrollmentId",
              personal_id AS "personalId", to_char(date_provided, 'YYYY-MM-DD') AS "dateProvided",
              record_type AS "recordType", type_provided AS "typeProvided",
              fa_amount_cents AS "faAmountCents"
       FROM hmis_imported_services
       WHERE org_id = $3 AND import_id = $1 AND services_id > $2
       ORDER BY services_id LIMIT ${PAGE}`,
      [imported.importId, after, imported.orgId],
    );
    if (!rows.length) return announced;
    after = rows[rows.length - 1]!.servicesId;
    const events = [];
    for (const r of rows) {
      const data = HmisServiceImported.data.safeParse({
        importId: imported.importId,
        exportId: imported.exportId,
        importerRoles: [...actor.roles],
        ...r,
      });
      // an id longer than HUD's 32 characters cannot be announced: the row stays reporting's alone
      if (data.success)
        events.push(
          createEvent(HmisServiceImported, {
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
