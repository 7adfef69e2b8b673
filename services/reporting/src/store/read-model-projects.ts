import type { Queryable } from '@hearth/db';
import type { ProgramFacts } from '@hearth/events';
import type { Meta } from './read-model';

/**
 * The read model's programs (HUD's Project.csv), from enrollment's program events: a program's
 * whole state, kept when newer (its version), as every read-model write (read-model.ts); created
 * keeps the first event's time.
 */
export async function applyProject(tx: Queryable, p: ProgramFacts, e: Meta) {
  // absent from events made before programs held them: none
  const hud = [
    p.projectType,
    JSON.stringify(p.funders ?? []),
    p.continuumProject,
    p.housingType,
    p.rrhSubType,
    p.residentialAffiliation,
    p.targetPopulation,
    p.hopwaMedAssistedLivingFac,
    p.cocCode,
  ].map((v) => v ?? null);
  await tx.query(
    `INSERT INTO hmis_projects (program_id, org_id, name, funding_source, grant_number,
       active_from, active_to, version, date_created, date_updated, user_id, ${HUD_COLUMNS.join(', ')})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, ${HUD_COLUMNS.map((_, i) => `$${i + 11}`).join(', ')})
     ON CONFLICT (program_id) DO UPDATE SET org_id = EXCLUDED.org_id, name = EXCLUDED.name,
       funding_source = EXCLUDED.funding_source, grant_number = EXCLUDED.grant_number,
       active_from = EXCLUDED.active_from, active_to = EXCLUDED.active_to,
       ${HUD_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       version = EXCLUDED.version, date_updated = EXCLUDED.date_updated, user_id = EXCLUDED.user_id,
       date_created = LEAST(hmis_projects.date_created, EXCLUDED.date_created)
     WHERE hmis_projects.version < EXCLUDED.version`,
    [
      p.programId,
      p.orgId,
      p.name,
      p.fundingSource,
      p.grantNumber,
      p.activeFrom,
      p.activeTo,
      p.version,
      e.occurredAt,
      e.actor.userId,
      ...hud,
    ],
  );
}
/** HUD's facts of a program (060, 110), in the order applyProject lists them. */
const HUD_COLUMNS = [
  'project_type',
  'funders',
  'continuum_project',
  'housing_type',
  'rrh_sub_type',
  'residential_affiliation',
  'target_population',
  'hopwa_med_assisted_living_fac',
  'coc_code',
];
