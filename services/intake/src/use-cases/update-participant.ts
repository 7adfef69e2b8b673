import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { ParticipantUpdated } from '@hearth/events';
import { badRequest, requireCurrentVersion } from '@hearth/http';
import { dateOf } from '@hearth/time';
import { participantFor } from '../access';
import { sealSsn } from '../adapters/ssn-cipher';
import type { IntakeDeps } from '../deps';
import {
  birthDateRefusal,
  type ParticipantChanges,
  type ParticipantView,
} from '../domain/participant';
import { applyChanges } from '../domain/record';
import { announceParticipant } from '../events/participants';
import { recordHistory } from '../store/history';
import { lockParticipant, updateParticipant as storeChanges } from '../store/participants';
import { refuse, refuseIf } from './refuse';

/**
 * Change a participant the actor may write (gated by the route): under the row's lock, at the
 * version the worker read, keeping every changed field in the history.
 */
export async function updateParticipant(
  deps: IntakeDeps,
  actor: Actor,
  participantId: string,
  body: ParticipantChanges,
): Promise<ParticipantView> {
  refuseIf(birthDateRefusal(body.birthDate, dateOf(deps.clock())));
  const { version, ...input } = body;
  return withTransaction(deps.pool, async (tx) => {
    const current = await lockParticipant(tx, participantId);
    if (!current) throw badRequest('The participant no longer exists.');
    requireCurrentVersion('participant', current.version, version);
    const applied = applyChanges(current, input);
    if ('refusal' in applied) refuse(applied.refusal);
    const { history } = applied;
    // nothing changed: answer it as read (on the pool: a denial's audit outlives the request)
    if (!history.length) return participantFor(deps, actor, participantId, 'read');
    const changes = applied.ssn
      ? { ...applied.changes, ...sealSsn(deps.ssn, applied.ssn) }
      : applied.changes;
    const updated = await storeChanges(tx, participantId, changes);
    await recordHistory(tx, participantId, actor, history);
    await announceParticipant(tx, actor, ParticipantUpdated, updated);
    return updated;
  });
}
