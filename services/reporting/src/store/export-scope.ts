import { binder, visibleToSql, type Actor } from '@hearth/access';
import type { PoolClient } from 'pg';

export interface ExportScope {
  /** One organization's records, or null: the whole continuum (a system_admin). */
  orgId: string | null;
  startDate: string;
  endDate: string;
}

/**
 * Fills the transaction's `export_members` with every household member's enrollment the export
 * holds: enrollments of the organization (as owner or service provider) open at some point of the
 * range, each member only when the requester may see that member (libs/access, the same SQL the
 * lists use): an enrollment never travels without its client being visible. Only ids are kept,
 * in Postgres, so the export never holds its rows in memory.
 */
export async function selectExportMembers(
  tx: PoolClient,
  actor: Actor,
  scope: ExportScope,
  now: Date,
) {
  const params: unknown[] = [];
  const bind = binder(params);
  const visible = visibleToSql(
    {
      participantId: 'sf.participant_id',
      ownerOrgId: 'sf.owner_org_id',
      restriction: 'sf.security_restriction',
      releasesTable: 'sharing_fact_releases',
    },
    actor,
    now,
    bind,
  );
  const org =
    scope.orgId === null ? 'TRUE' : `${bind(scope.orgId)}::uuid IN (e.org_id, e.provider_org_id)`;
  await tx.query(
    `CREATE TEMP TABLE export_members ON COMMIT DROP AS
     SELECT e.enrollment_id, m.participant_id, e.head_participant_id
     FROM hmis_enrollments e
     CROSS JOIN LATERAL unnest(e.member_ids) AS m(participant_id)
     JOIN hmis_clients c ON c.personal_id = m.participant_id
     JOIN sharing_facts sf ON sf.participant_id = m.participant_id
     WHERE ${org}
       AND e.entry_date <= ${bind(scope.endDate)}::date
       AND (e.exit_date IS NULL OR e.exit_date >= ${bind(scope.startDate)}::date)
       AND ${visible}`,
    params,
  );
  await tx.query('CREATE INDEX ON export_members (participant_id)');
  await tx.query('CREATE INDEX ON export_members (enrollment_id)');
  await tx.query('ANALYZE export_members');
}

/**
 * The rows of one query, a page at a time from a server-side cursor of the export's transaction:
 * memory holds two pages whatever the export's size. Pages, not rows: a promise per row was most
 * of an export's time. The next page is asked for before this one is handed over, so Postgres
 * reads it while the caller writes this one (the connection runs its queries in order).
 */
const PAGE = 2000;

export async function* pagesOf<R>(
  tx: PoolClient,
  name: string,
  sql: string,
  params: unknown[] = [],
): AsyncGenerator<R[]> {
  await tx.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  const fetch = () => {
    const page = tx.query<R & object>(`FETCH ${PAGE} FROM ${name}`);
    // marked handled at once: it may fail while no one awaits it yet (the caller is writing, or
    // stopped because the client went away), which must not be an unhandled rejection; the
    // loop's await still sees the error
    page.catch(() => undefined);
    return page;
  };
  let next = fetch();
  for (;;) {
    const { rows } = await next;
    const more = rows.length === PAGE;
    if (more) next = fetch();
    if (rows.length) yield rows;
    if (!more) break;
  }
  await tx.query(`CLOSE ${name}`);
}
