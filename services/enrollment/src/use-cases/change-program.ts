import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { notFound, onUniqueViolation, requireCurrentVersion, unprocessable } from '@hearth/http';
import { ProgramUpdated } from '@hearth/events';
import type { EnrollmentDeps } from '../deps';
import { announceProgram } from '../events/programs';
import { activePeriodProblems } from '../domain/enrollment';
import {
  applicationDateRange,
  findProgram,
  updateProgram,
  type Program,
  type ProgramChanges,
} from '../store/programs';
import { hudProjectRefused, sameName } from './create-program';
import { hudProjectProblems } from '../domain/hud-project';

/**
 * Change a program of the actor's organization (the version they read); its enrollments'
 * application dates must stay within its active dates.
 */
export function changeProgram(
  deps: Pick<EnrollmentDeps, 'pool'>,
  actor: Actor,
  programId: string,
  request: { version: number } & Partial<ProgramChanges>,
): Promise<Program> {
  const { version, ...changes } = request;
  return withTransaction(deps.pool, async (tx) => {
    const current = await findProgram(tx, programId, { lock: 'update' });
    if (!current || current.orgId !== actor.orgId) throw notFound('The program');
    requireCurrentVersion('program', current.version, version);
    const next = { ...current, ...changes };
    const hudProblems = hudProjectProblems(next);
    if (hudProblems.length) throw hudProjectRefused(hudProblems);
    const problems = activePeriodProblems(next, await applicationDateRange(tx, current.id));
    if (problems.length)
      throw unprocessable(
        'The active dates would leave enrollments outside the program.',
        problems,
      );
    const changed = await updateProgram(tx, current.id, next, actor.userId).catch(
      onUniqueViolation(sameName()),
    );
    await announceProgram(tx, actor, ProgramUpdated, changed);
    return changed;
  });
}
