import { z } from 'zod';
import { defineEvent } from './envelope';
import { programFunder, programHudFacts } from './hud-project';

/**
 * An HMIS CSV import's project information (Project.csv's 2.02 codes and its Funder.csv rows),
 * announced once Funder.csv has landed, for enrollment to carry onto the program the project
 * becomes. In a program's words (programHudFacts): HUD's codes, yes/no as booleans, 2.02.8's
 * "non-HOPWA funded" (2) as not said. The envelope is the importer's. Identity: the importer's
 * organization and the ProjectID.
 */
export const HmisProjectImported = defineEvent(
  'reporting.hmis-project.imported',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: z.string().min(1).max(32),
    projectId: z.string().min(1).max(32),
    continuumProject: z.boolean(),
    projectType: programHudFacts.projectType.unwrap(),
    housingType: programHudFacts.housingType.unwrap(),
    rrhSubType: programHudFacts.rrhSubType.unwrap(),
    residentialAffiliation: programHudFacts.residentialAffiliation.unwrap(),
    targetPopulation: programHudFacts.targetPopulation.unwrap(),
    hopwaMedAssistedLivingFac: programHudFacts.hopwaMedAssistedLivingFac.unwrap(),
    funders: z.array(programFunder).max(20),
  }),
);
export type HmisProject = z.infer<typeof HmisProjectImported.data>;
