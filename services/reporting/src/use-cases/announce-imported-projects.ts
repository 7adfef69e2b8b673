import type { Actor } from '@hearth/access';
import { authorOf, recordEvents } from '@hearth/bus';
import { HmisProjectImported, NON_HOPWA_FUNDED_PROJECT, createEvent } from '@hearth/events';
import type { PoolClient } from 'pg';

/** HUD's 1.1 No/Yes as a program says it. */
const yes = (code: number | null) => (code === null ? null : code === 1);

/**
 * Announces each Project.csv row this import added with its Funder.csv rows
 * (`reporting.hmis-project.imported`), so enrollment carries HUD's project information onto the
 * program the project becomes, through its own rules. Called where Funder.csv landed (Project.csv
 * before it), in its transaction. An import holds a few hundred projects at most: one query.
 * What a program cannot hold (an id past 32 characters, more than 20 funders, a grant id past
 * 100 characters) is not announced: the row stays reporting's alone.
 */
export async function announceImportedProjects(
  tx: PoolClient,
  actor: Actor & { name?: string },
  imported: { importId: string; exportId: string; orgId: string },
): Promise<number> {
  const { rows } = await tx.query(
    `SELECT p.project_id, p.continuum_project, p.project_type, p.housing_type, p.rrh_sub_type,
       p.residential_affiliation, p.target_population, p.hopwa_med_assisted_living_fac,
       coalesce(jsonb_agg(jsonb_build_object('funder', f.funder, 'otherFunder', f.other_funder,
         'grantId', f.grant_id, 'startDate', to_char(f.start_date, 'YYYY-MM-DD'),
         'endDate', to_char(f.end_date, 'YYYY-MM-DD')) ORDER BY f.funder_id)
         FILTER (WHERE f.funder_id IS NOT NULL), '[]') AS funders
     FROM hmis_imported_projects p
     LEFT JOIN hmis_imported_funders f ON f.org_id = p.org_id AND f.project_id = p.project_id
       AND f.date_deleted IS NULL
     WHERE p.org_id = $1 AND p.import_id = $2 AND p.date_deleted IS NULL
     GROUP BY p.org_id, p.project_id ORDER BY p.project_id`,
    [imported.orgId, imported.importId],
  );
  const events = [];
  for (const r of rows) {
    const data = HmisProjectImported.data.safeParse({
      importId: imported.importId,
      exportId: imported.exportId,
      projectId: r.project_id,
      continuumProject: r.continuum_project === 1,
      projectType: r.project_type,
      housingType: r.housing_type,
      rrhSubType: r.rrh_sub_type,
      residentialAffiliation: yes(r.residential_affiliation),
      targetPopulation: r.target_population,
      // "non-HOPWA funded" is what a program without a HOPWA grant says by itself
      hopwaMedAssistedLivingFac:
        r.hopwa_med_assisted_living_fac === NON_HOPWA_FUNDED_PROJECT
          ? null
          : r.hopwa_med_assisted_living_fac,
      funders: r.funders,
    });
    if (data.success)
      events.push(
        createEvent(HmisProjectImported, {
          orgId: actor.orgId,
          ...authorOf({ userId: actor.userId, name: actor.name ?? 'HMIS import' }),
          data: data.data,
        }),
      );
  }
  await recordEvents(tx, events);
  return events.length;
}
