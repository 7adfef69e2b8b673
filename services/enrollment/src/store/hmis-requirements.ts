import type { Queryable } from '@hearth/db';
import type { StageRequirements } from '../domain/hmis-requirements';

export interface RequirementsRecord {
  programId: string;
  preset: string | null;
  stages: StageRequirements;
  version: number;
  updatedByUserId: string | null;
  updatedAt: string | null;
}

/** The program's requirements; none configured: nothing required (version 0). */
export async function requirementsOf(
  db: Queryable,
  programId: string,
): Promise<RequirementsRecord> {
  const { rows } = await db.query(
    'SELECT * FROM program_assessment_requirements WHERE program_id = $1',
    [programId],
  );
  const r = rows[0];
  if (!r)
    return {
      programId,
      preset: null,
      stages: {},
      version: 0,
      updatedByUserId: null,
      updatedAt: null,
    };
  return {
    programId,
    preset: r.preset,
    stages: r.stages,
    version: r.version,
    updatedByUserId: r.updated_by_user_id,
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

/** Writes the requirements when the stored ones are still at `version` (0: none yet); else null. */
export async function saveRequirements(
  db: Queryable,
  programId: string,
  version: number,
  change: { preset: string | null; stages: StageRequirements },
  userId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO program_assessment_requirements (program_id, preset, stages, updated_by_user_id)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (program_id) DO UPDATE SET preset = $2, stages = $3, updated_by_user_id = $4,
       version = program_assessment_requirements.version + 1, updated_at = now()
     WHERE program_assessment_requirements.version = $5`,
    [programId, change.preset, JSON.stringify(change.stages), userId, version],
  );
  return (rowCount ?? 0) > 0;
}
