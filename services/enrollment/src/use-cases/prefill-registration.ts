import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import { participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { isRentAssistance, prefillFrom } from '../domain/rent-assistance';
import { findProgram } from '../store/programs';
import { latestOpenEnrollmentOf } from '../store/rent-assistance';

/**
 * The registration answers a new enrollment of the participant starts from: the importable ones
 * (contact details, characteristics) of their most recent open enrollment, for the worker to
 * review. A program the actor cannot enroll into is unknown (404), as is a hidden participant.
 */
export async function prefillRegistration(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  programId: string,
  participantId: string,
) {
  const program = await findProgram(deps.pool, programId);
  if (!program || (program.orgId !== actor.orgId && !isRentAssistance(program)))
    throw notFound('The program');
  await participantFor(deps.pool, actor, participantId, 'read', deps.clock());
  const latest = await latestOpenEnrollmentOf(deps.pool, participantId);
  return {
    participantId,
    fromEnrollmentId: latest?.id ?? null,
    fromApplicationDate: latest?.applicationDate ?? null,
    registration: latest ? prefillFrom(latest.registration) : {},
  };
}
