import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { ParticipantCreated } from '@hearth/events';
import { Problem } from '@hearth/http';
import { dateOf } from '@hearth/time';
import { sealSsn } from '../adapters/ssn-cipher';
import type { IntakeDeps } from '../deps';
import { LIKELY_DUPLICATE } from '../domain/matching';
import { birthDateRefusal, type NewParticipant, type ParticipantView } from '../domain/participant';
import { newRecord, type FieldChange, type ParticipantRecord } from '../domain/record';
import { announceParticipant } from '../events/participants';
import { announceSharing } from '../events/sharing';
import { recordHistory } from '../store/history';
import { insertParticipant } from '../store/participants';
import { findDuplicates } from './find-duplicates';
import { refuse, refuseIf } from './refuse';

/**
 * Take a participant in: unless the worker confirmed someone new, a likely duplicate is a 409 that
 * lists the candidates. The record, its history and its announcements commit together.
 */
export async function createParticipant(
  deps: IntakeDeps,
  actor: Actor,
  input: NewParticipant,
): Promise<ParticipantView> {
  refuseIf(birthDateRefusal(input.birthDate, dateOf(deps.clock())));
  const made = newRecord(input, { id: randomUUID(), ownerOrgId: actor.orgId });
  if ('refusal' in made) refuse(made.refusal);
  if (!input.confirmNew) {
    const query = { ...input, ssnLast4: made.ssnLast4, alienNumber: made.record.alienNumber };
    const likely = (await findDuplicates(deps, actor, query, 5)).filter(
      (c) => c.score >= LIKELY_DUPLICATE,
    );
    if (likely.length) {
      throw new Problem(
        409,
        'Conflict',
        'This person may already be a participant: pick the existing record, or send confirmNew: true.',
        [{ field: 'confirmNew', message: 'Required when a likely duplicate exists' }],
        { candidates: likely },
      );
    }
  }
  const record = { ...made.record, ...sealSsn(deps.ssn, made.ssn) };
  return withTransaction(deps.pool, (tx) => recordParticipant(tx, actor, record));
}

/**
 * The new record, its history and its announcements, in `tx`: the one way a participant comes
 * into being (a worker's intake, an HMIS import's client). `more` adds history entries.
 */
export async function recordParticipant(
  tx: Queryable,
  actor: Actor,
  record: ParticipantRecord,
  more: FieldChange[] = [],
): Promise<ParticipantView> {
  const created = await insertParticipant(tx, { ...record, createdBy: actor.userId });
  await recordHistory(tx, created.id, actor, [
    { field: 'created', oldValue: null, newValue: { ...created, ssn: created.ssn } },
    ...more,
  ]);
  await announceParticipant(tx, actor, ParticipantCreated, created);
  await announceSharing(tx, created.id, actor);
  return created;
}
