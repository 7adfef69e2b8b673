import { auditDenial, decideAccess, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { forbidden, notFound } from '@hearth/http';
import { findEnrollment, type EnrollmentRecord } from './store/enrollments';
import { findParticipants, type KnownParticipant } from './store/participant-facts';

/**
 * The participant, if the actor may perform `action` on them under intake's sharing rules (kept
 * here from its events); otherwise 404 exactly as if they did not exist, with the denial audited.
 * Call it with the pool, outside a transaction, so a rolled-back write keeps its audit row.
 */
export async function participantFor(
  db: Queryable,
  actor: Actor,
  participantId: string,
  action: Action,
  now: Date,
  what = 'The participant',
): Promise<KnownParticipant> {
  const found = (await findParticipants(db, [participantId])).get(participantId);
  if (!found) throw notFound(what);
  const decision = decideAccess({ actor, participant: found.sharing, action, now });
  if (!decision.allowed) {
    await auditDenial(db, actor, participantId, action, decision.reason);
    throw notFound(what);
  }
  return found;
}

/**
 * The enrollment, readable when its head is visible to the actor (sharing decides, as for every
 * record of the participant); changeable only by the enrolling organization with a writing role.
 */
export async function enrollmentFor(
  db: Queryable,
  actor: Actor,
  enrollmentId: string,
  action: 'read' | 'write',
  now: Date,
): Promise<{ enrollment: EnrollmentRecord; head: KnownParticipant }> {
  const enrollment = await findEnrollment(db, enrollmentId);
  if (!enrollment) throw notFound('The enrollment');
  const head = await participantFor(
    db,
    actor,
    enrollment.headParticipantId,
    'read',
    now,
    'The enrollment',
  );
  if (action === 'write') {
    const record = { orgId: enrollment.orgId, restriction: 'none' as const };
    const decision = decideAccess({ actor, participant: head.sharing, record, action, now });
    if (!decision.allowed) {
      await auditDenial(db, actor, head.participantId, action, decision.reason);
      throw forbidden(
        decision.reason === 'other_org_record'
          ? 'Only the organization that enrolled the participant can change this enrollment.'
          : 'Your role cannot change enrollments.',
      );
    }
  }
  return { enrollment, head };
}
