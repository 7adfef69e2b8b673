import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { isHudProjectType, ProgramCreated, type HmisEnrollment } from '@hearth/events';
import { announceProgram } from '../events/programs';
import { markImportedProgram, programOfProject } from '../store/hmis-imports';
import { lockImportedProject, projectFactsOf } from '../store/hmis-imported-projects';
import { programHudOf } from './carry-imported-project';
import { insertProgram } from '../store/programs';
import type { Pool } from 'pg';

/** Names an imported program: the project's, or with its ProjectID when a program has it already. */
const namesOf = (p: HmisEnrollment['project']) => [p.name, `${p.name} (HMIS ${p.projectId})`];

/**
 * The importer organization's program for an imported project: the one made for its ProjectID
 * before, else a new one as a supervisor's would be (named from the project, active from its
 * operating start, no registration fields nor eligibility rules: the sender enrolled these
 * clients already), announced and marked as imported. Committed on its own, before the
 * enrollment is checked against it, as a program made through the API would be.
 */
export async function importedProgramFor(
  pool: Pool,
  actor: Actor,
  project: HmisEnrollment['project'],
): Promise<string> {
  const held = await programOfProject(pool, actor.orgId, project.projectId);
  if (held) return held;
  return withTransaction(pool, async (tx) => {
    // the project's information when reporting announced it already (carry-imported-project.ts)
    await lockImportedProject(tx, actor.orgId, project.projectId);
    const facts = await projectFactsOf(tx, actor.orgId, project.projectId);
    for (const name of namesOf(project)) {
      const made = await insertProgram(tx, {
        id: randomUUID(),
        orgId: actor.orgId,
        name,
        fundingSource: 'HMIS import',
        grantNumber: null,
        activeFrom: project.operatingStartDate,
        activeTo: null,
        serviceCatalogRef: null,
        kind: null,
        requiredRegistrationFields: [],
        eligibilityCriteria: [],
        ...(facts
          ? programHudOf(facts)
          : {
              // the sender's ProjectType when on HUD's list; the rest arrives with its facts
              projectType:
                project.projectType !== null && isHudProjectType(project.projectType)
                  ? project.projectType
                  : null,
              funders: [],
              continuumProject: false,
              housingType: null,
              rrhSubType: null,
              residentialAffiliation: null,
              targetPopulation: null,
              hopwaMedAssistedLivingFac: null,
              cocCode: null,
            }),
        createdBy: actor.userId,
      });
      if (!made) continue;
      await markImportedProgram(tx, actor.orgId, project.projectId, made.id);
      // another import of this project may have marked its own meanwhile: that one stands
      const marked = (await programOfProject(tx, actor.orgId, project.projectId))!;
      if (marked === made.id) await announceProgram(tx, actor, ProgramCreated, made);
      else throw new Error('imported program made twice at once; the retry takes the other');
      return made.id;
    }
    throw new Error(`no free name for the imported project ${project.projectId}`);
  });
}
