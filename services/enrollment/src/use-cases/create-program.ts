import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import type { EnrollmentDeps } from '../deps';
import { insertProgram, type Program, type ProgramChanges } from '../store/programs';
import { conflict, unprocessable } from '@hearth/http';
import { withTransaction } from '@hearth/db';
import { ProgramCreated } from '@hearth/events';
import { announceProgram } from '../events/programs';
import { hudProjectProblems } from '../domain/hud-project';

export const hudProjectRefused = (problems: ReturnType<typeof hudProjectProblems>) =>
  unprocessable("The program's HUD project type or funders break HUD's rules.", problems);

/** HUD's project information a new program may leave unsaid (null). */
const HUD_DETAILS = [
  'projectType',
  'housingType',
  'rrhSubType',
  'residentialAffiliation',
  'targetPopulation',
  'hopwaMedAssistedLivingFac',
  'cocCode',
] as const;
type HudDetail = (typeof HUD_DETAILS)[number];

export type NewProgramRequest = Omit<
  ProgramChanges,
  'grantNumber' | 'activeTo' | 'serviceCatalogRef' | HudDetail
> & {
  grantNumber?: string;
  activeTo?: string;
  serviceCatalogRef?: string;
  kind?: Program['kind'];
} & { [F in HudDetail]?: NonNullable<ProgramChanges[F]> };

/** A second program of the same name in one organization, caught before or at the index. */
export const sameName = () =>
  conflict('Your organization already has a program with this name.', [
    { field: 'name', message: 'Already used' },
  ]);

/** A program of the actor's organization; its name is unique within the organization. */
export async function createProgram(
  deps: Pick<EnrollmentDeps, 'pool'>,
  actor: Actor,
  program: NewProgramRequest,
): Promise<Program> {
  const hud = {
    funders: program.funders,
    continuumProject: program.continuumProject,
    ...(Object.fromEntries(HUD_DETAILS.map((f) => [f, program[f] ?? null])) as {
      [F in HudDetail]: ProgramChanges[F];
    }),
  };
  const problems = hudProjectProblems(hud);
  if (problems.length) throw hudProjectRefused(problems);
  const created = await withTransaction(deps.pool, async (tx) => {
    const made = await insertProgram(tx, {
      id: randomUUID(),
      orgId: actor.orgId,
      name: program.name,
      fundingSource: program.fundingSource,
      grantNumber: program.grantNumber ?? null,
      activeFrom: program.activeFrom,
      activeTo: program.activeTo ?? null,
      serviceCatalogRef: program.serviceCatalogRef ?? null,
      kind: program.kind ?? null,
      requiredRegistrationFields: program.requiredRegistrationFields,
      eligibilityCriteria: program.eligibilityCriteria,
      ...hud,
      createdBy: actor.userId,
    });
    // reporting's Project.csv and reports read programs from this event
    if (made) await announceProgram(tx, actor, ProgramCreated, made);
    return made;
  });
  if (!created) throw sameName();
  return created;
}
