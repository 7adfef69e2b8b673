import { auditDenialAfterAnswer, decideAccess, type Action, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { findRecord, type RaRecord } from '../store/records';
import { participantFor } from './participant-gate';

const WHAT = 'The rent-assistance record';

/**
 * A rent-assistance record is a record of the hub and of the coach's organization about its
 * participant: the participant gate decides the person, then the record's scope ("mou" for either
 * organization: itself, or one holding an active release; only they change it). Denied = 404 like
 * an unknown record, audited.
 */
export async function recordFor(
  pool: Queryable,
  actor: Actor,
  enrollmentId: string,
  action: Action,
  now: Date,
): Promise<RaRecord> {
  const record = await findRecord(pool, enrollmentId);
  if (!record) throw notFound(WHAT);
  const person = await participantFor(pool, actor, record.participantId, action, now, WHAT);
  const decisions = [record.hubOrgId, record.coachOrgId].map((orgId) =>
    decideAccess({
      actor,
      participant: person.sharing,
      record: { orgId, restriction: 'mou' },
      action,
      now,
    }),
  );
  if (!decisions.some((d) => d.allowed)) {
    auditDenialAfterAnswer(pool, actor, record.participantId, action, decisions[0]!.reason);
    throw notFound(WHAT);
  }
  return record;
}
