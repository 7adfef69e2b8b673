import { join } from 'node:path';
import type { InformationRelease, ParticipantSharing, SharingColumns } from '@hearth/access';
import type { MigrationSource, Queryable } from '@hearth/db';
import type { SharingState } from '@hearth/events';

/** The sharing_facts table; every service that decides access from intake's events migrates it. */
export const sharingFactsMigrations: MigrationSource = {
  scope: 'sharing',
  dir: join(__dirname, '..', 'migrations'),
};

/**
 * The sharing_facts row under `alias` (in the query as `FROM sharing_facts <alias>`), for
 * `visibleToSql`: lists select only participants whose sharing has arrived and lets the actor see.
 */
export const sharingFactsColumns = (alias: string): SharingColumns => ({
  participantId: `${alias}.participant_id`,
  ownerOrgId: `${alias}.owner_org_id`,
  restriction: `${alias}.security_restriction`,
  releasesTable: 'sharing_fact_releases',
});

/**
 * Keep `state` unless a newer (or the same) version is already here. The row lock taken by
 * INSERT … ON CONFLICT makes concurrent deliveries agree: the highest version wins in any order.
 * True when it was applied.
 */
export async function applySharingState(tx: Queryable, state: SharingState): Promise<boolean> {
  const releases = state.releases.map((r) => ({
    releaseId: r.releaseId,
    toOrgId: r.toOrgId,
    beginDate: r.beginDate,
    endDate: r.endDate,
    revokedAt: r.revokedAt,
    scope: r.scope, // a referral's release reads only (decideAccess)
  }));
  const { rowCount } = await tx.query(
    `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (participant_id) DO UPDATE SET
       owner_org_id = EXCLUDED.owner_org_id, security_restriction = EXCLUDED.security_restriction,
       releases = EXCLUDED.releases, sharing_version = EXCLUDED.sharing_version, received_at = now()
     WHERE sharing_facts.sharing_version < EXCLUDED.sharing_version`,
    [
      state.participantId,
      state.ownerOrgId,
      state.securityRestriction,
      JSON.stringify(releases),
      state.sharingVersion,
    ],
  );
  return (rowCount ?? 0) > 0;
}

interface SharingRow {
  participant_id: string;
  owner_org_id: string;
  security_restriction: ParticipantSharing['restriction'];
  releases: InformationRelease[];
}

/**
 * The sharing of each participant among `ids` whose state has arrived. A participant missing from
 * the map has no known sharing: callers must treat them as visible to no one (never fail open).
 */
export async function sharingOf(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, ParticipantSharing>> {
  const { rows } = await db.query<SharingRow>(
    `SELECT participant_id, owner_org_id, security_restriction, releases
     FROM sharing_facts WHERE participant_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.participant_id,
      { ownerOrgId: r.owner_org_id, restriction: r.security_restriction, releases: r.releases },
    ]),
  );
}
