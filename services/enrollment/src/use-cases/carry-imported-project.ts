import type { Actor } from '@hearth/auth';
import type { PoolClient } from '@hearth/db';
import { ProgramUpdated, type HmisProject } from '@hearth/events';
import { acceptedHudProject, type ProgramHudProject } from '../domain/hud-project';
import { announceProgram } from '../events/programs';
import { programOfProject } from '../store/hmis-imports';
import { keepProjectFacts, lockImportedProject } from '../store/hmis-imported-projects';
import { findProgram, updateProgram } from '../store/programs';

/** An imported project's information as its program holds it: what HUD's rules allow of it. */
export const programHudOf = (facts: HmisProject): ProgramHudProject =>
  acceptedHudProject({
    projectType: facts.projectType,
    funders: facts.funders,
    continuumProject: facts.continuumProject,
    housingType: facts.housingType,
    rrhSubType: facts.rrhSubType,
    residentialAffiliation: facts.residentialAffiliation,
    targetPopulation: facts.targetPopulation,
    hopwaMedAssistedLivingFac: facts.hopwaMedAssistedLivingFac,
    cocCode: null,
  });

/**
 * An import's project information (reporting.hmis-project.imported), for the importer: kept once,
 * and carried onto the project's program when it was made already (announced as a change, by the
 * importer); a program made later takes it when it is made (imported-program.ts). The project is
 * locked first, as there, so the two never miss each other.
 */
export async function carryImportedProject(tx: PoolClient, importer: Actor, facts: HmisProject) {
  await lockImportedProject(tx, importer.orgId, facts.projectId);
  if (!(await keepProjectFacts(tx, importer.orgId, facts))) return;
  const programId = await programOfProject(tx, importer.orgId, facts.projectId);
  if (!programId) return;
  const current = (await findProgram(tx, programId, { lock: 'update' }))!;
  const changed = await updateProgram(
    tx,
    programId,
    { ...current, ...programHudOf(facts) },
    importer.userId,
  );
  await announceProgram(tx, importer, ProgramUpdated, changed);
}
