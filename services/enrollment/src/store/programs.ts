import type { Queryable } from '@hearth/db';
import type { programKinds, ProgramFunder } from '@hearth/events';
import type { Criterion } from '../domain/criteria';
import type { RegistrationField } from '../domain/registration-answers';

export interface Program {
  id: string;
  orgId: string;
  name: string;
  fundingSource: string;
  grantNumber: string | null;
  activeFrom: string;
  activeTo: string | null;
  serviceCatalogRef: string | null;
  /** rsi, rym or null; set when the program is made, never changed. */
  kind: (typeof programKinds)[number] | null;
  requiredRegistrationFields: RegistrationField[];
  eligibilityCriteria: Criterion[];
  /** HUD's project type (2.02.6), null for a program that is not an HMIS project. */
  projectType: number | null;
  /** The grants paying for it, Funder.csv's rows; the whole list, replaced on a change. */
  funders: ProgramFunder[];
  /** The rest of HUD's project information (domain/hud-project.ts): null where not said. */
  continuumProject: boolean;
  housingType: number | null;
  rrhSubType: number | null;
  residentialAffiliation: boolean | null;
  targetPopulation: number | null;
  hopwaMedAssistedLivingFac: number | null;
  cocCode: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type NewProgram = Omit<Program, 'version' | 'createdAt' | 'updatedAt'> & {
  createdBy: string;
};
/** What a supervisor may change about a program (its organization and id never change). */
export type ProgramChanges = Omit<NewProgram, 'id' | 'orgId' | 'createdBy' | 'kind'>;

export const toProgram = (r: Record<string, unknown>): Program => ({
  id: r.id as string,
  orgId: r.org_id as string,
  name: r.name as string,
  fundingSource: r.funding_source as string,
  grantNumber: r.grant_number as string | null,
  activeFrom: r.active_from as string,
  activeTo: r.active_to as string | null,
  serviceCatalogRef: r.service_catalog_ref as string | null,
  kind: r.kind as Program['kind'],
  requiredRegistrationFields: r.required_registration_fields as RegistrationField[],
  eligibilityCriteria: r.eligibility_criteria as Criterion[],
  projectType: r.project_type as number | null,
  funders: r.funders as ProgramFunder[],
  continuumProject: r.continuum_project as boolean,
  housingType: r.housing_type as number | null,
  rrhSubType: r.rrh_sub_type as number | null,
  residentialAffiliation: r.residential_affiliation as boolean | null,
  targetPopulation: r.target_population as number | null,
  hopwaMedAssistedLivingFac: r.hopwa_med_assisted_living_fac as number | null,
  cocCode: r.coc_code as string | null,
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});

/** The changeable columns, name to coc_code, in the order both writes list them. */
const COLUMNS = [
  'name',
  'funding_source',
  'grant_number',
  'active_from',
  'active_to',
  'service_catalog_ref',
  'required_registration_fields',
  'eligibility_criteria',
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
const programValues = (p: ProgramChanges) => [
  p.name,
  p.fundingSource,
  p.grantNumber,
  p.activeFrom,
  p.activeTo,
  p.serviceCatalogRef,
  [...new Set(p.requiredRegistrationFields)], // a field asked for twice is one field
  JSON.stringify(p.eligibilityCriteria),
  p.projectType,
  JSON.stringify(p.funders),
  p.continuumProject,
  p.housingType,
  p.rrhSubType,
  p.residentialAffiliation,
  p.targetPopulation,
  p.hopwaMedAssistedLivingFac,
  p.cocCode,
];
/** `$from, $from+1, ...` for the changeable columns. */
const placesFrom = (from: number) => COLUMNS.map((_, i) => `$${from + i}`).join(', ');
const AFTER = COLUMNS.length + 3;

/** Insert a program; undefined when the organization already has one by that name. */
export async function insertProgram(db: Queryable, p: NewProgram): Promise<Program | undefined> {
  const { rows } = await db.query(
    `INSERT INTO programs (id, org_id, ${COLUMNS.join(', ')}, created_by, kind)
     VALUES ($1, $2, ${placesFrom(3)}, $${AFTER}, $${AFTER + 1})
     ON CONFLICT (org_id, name) DO NOTHING RETURNING *`,
    [p.id, p.orgId, ...programValues(p), p.createdBy, p.kind],
  );
  return rows[0] && toProgram(rows[0]);
}

export async function findProgram(
  db: Queryable,
  id: string,
  options: { lock?: 'update' | 'share' } = {},
): Promise<Program | undefined> {
  // share: the program's dates hold until the caller commits (a change to them waits, and then
  // sees the caller's enrollment); update: the one changing the program.
  const lock = options.lock ? ` FOR ${options.lock.toUpperCase()}` : '';
  const { rows } = await db.query(`SELECT * FROM programs WHERE id = $1${lock}`, [id]);
  return rows[0] && toProgram(rows[0]);
}

/** Write the whole changed program and move its version on. */
export async function updateProgram(
  db: Queryable,
  id: string,
  p: ProgramChanges,
  updatedBy: string,
): Promise<Program> {
  const { rows } = await db.query(
    `UPDATE programs SET ${COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')},
       updated_by = $${COLUMNS.length + 2}, updated_at = now(), version = version + 1
     WHERE id = $1 RETURNING *`,
    [id, ...programValues(p), updatedBy],
  );
  return toProgram(rows[0]);
}

/** The earliest and latest application dates of the program's enrollments (null without any). */
export async function applicationDateRange(
  db: Queryable,
  programId: string,
): Promise<{ first: string; last: string; count: number } | null> {
  const { rows } = await db.query(
    `SELECT min(application_date)::text AS first, max(application_date)::text AS last,
       count(*)::int AS count FROM enrollments WHERE program_id = $1`,
    [programId],
  );
  return rows[0].count ? rows[0] : null;
}

/** An organization's programs, by name; only those active on `activeOn` when given. */
export async function listPrograms(
  db: Queryable,
  orgId: string,
  activeOn?: string,
): Promise<Program[]> {
  const { rows } = await db.query(
    `SELECT * FROM programs WHERE org_id = $1
       AND ($2::date IS NULL OR (active_from <= $2 AND (active_to IS NULL OR active_to >= $2)))
     ORDER BY name LIMIT 500`,
    [orgId, activeOn ?? null],
  );
  return rows.map(toProgram);
}

/** The kind of a program (rsi, rym, or null). */
export async function programKindOf(db: Queryable, programId: string): Promise<Program['kind']> {
  const { rows } = await db.query('SELECT kind FROM programs WHERE id = $1', [programId]);
  return (rows[0]?.kind as Program['kind'] | undefined) ?? null;
}
