import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, ProgramCreated, ProgramUpdated } from '@hearth/events';
import type { Program } from '../store/programs';

/** HUD's project information the program holds (a null one is left out, as older events do). */
const heldOf = (p: Program) =>
  Object.fromEntries(
    (
      [
        'housingType',
        'rrhSubType',
        'residentialAffiliation',
        'targetPopulation',
        'hopwaMedAssistedLivingFac',
        'cocCode',
      ] as const
    )
      .filter((f) => p[f] !== null)
      .map((f) => [f, p[f]]),
  );

/** enrollment.program.created or .updated with the program's whole state, in `tx`. */
export async function announceProgram(
  tx: Queryable,
  actor: Actor,
  definition: typeof ProgramCreated | typeof ProgramUpdated,
  p: Program,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(definition, {
      orgId: p.orgId,
      ...authorOf(actor),
      data: {
        programId: p.id,
        orgId: p.orgId,
        name: p.name,
        fundingSource: p.fundingSource,
        grantNumber: p.grantNumber,
        activeFrom: p.activeFrom,
        activeTo: p.activeTo,
        kind: p.kind,
        // only when held: absent reads as none, as in the events made before programs held them
        ...(p.projectType !== null && { projectType: p.projectType }),
        ...(p.funders.length > 0 && { funders: p.funders }),
        ...(p.continuumProject && { continuumProject: true }),
        ...heldOf(p),
        version: p.version,
      },
    }),
  );
}
