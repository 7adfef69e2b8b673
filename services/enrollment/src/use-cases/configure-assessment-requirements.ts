import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import {
  conflict,
  notFound,
  requireCurrentVersion,
  unprocessable,
  type FieldError,
} from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { ELEMENT_SETS, STAGES } from '../domain/hmis-elements';
import { PRESETS, type Preset, type StageRequirements } from '../domain/hmis-requirements';
import { findProgram } from '../store/programs';
import {
  requirementsOf,
  saveRequirements,
  type RequirementsRecord,
} from '../store/hmis-requirements';

/** A preset, or the supervisor's own list per stage (the route takes exactly one). */
export interface RequirementsChange {
  version: number;
  preset?: Preset;
  stages?: StageRequirements;
}

/** A set required at a stage HUD does not collect it at could never be answered. */
function uncollectableProblems(stages: StageRequirements): FieldError[] {
  return STAGES.flatMap((stage) =>
    (stages[stage] ?? []).flatMap((key, i) =>
      ELEMENT_SETS.find((s) => s.key === key)!.stages.includes(stage)
        ? []
        : [{ field: `stages.${stage}[${i}]`, message: `HUD does not collect ${key} at ${stage}` }],
    ),
  );
}

/** The program of the actor's organization, or 404 as for an unknown one. */
export async function ownProgram(db: EnrollmentDeps['pool'], actor: Actor, programId: string) {
  const program = await findProgram(db, programId);
  if (!program || program.orgId !== actor.orgId) throw notFound('The program');
  return program;
}

/** A supervisor sets which element sets the program requires at each stage, or applies a preset. */
export function configureAssessmentRequirements(
  deps: Pick<EnrollmentDeps, 'pool'>,
  actor: Actor,
  programId: string,
  change: RequirementsChange,
): Promise<RequirementsRecord> {
  return withTransaction(deps.pool, async (tx) => {
    await findProgram(tx, programId, { lock: 'update' });
    const current = await requirementsOf(tx, programId);
    requireCurrentVersion('configuration', current.version, change.version);
    const stages = change.preset ? PRESETS[change.preset] : (change.stages ?? {});
    const problems = uncollectableProblems(stages);
    if (problems.length) throw unprocessable('The requirements cannot be met.', problems);
    const saved = await saveRequirements(
      tx,
      programId,
      change.version,
      { preset: change.preset ?? null, stages },
      actor.userId,
    );
    if (!saved) throw conflict('Someone changed this configuration meanwhile; reload it.');
    return requirementsOf(tx, programId);
  });
}
