import { auditDenialAfterAnswer, decideAccess, participantGate } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { forbidden, notFound, unprocessable } from '@hearth/http';
import { findEnrollment, type EnrollmentRecord } from './store/enrollments';
import { findParticipants, type KnownParticipant } from './store/participant-facts';

/**
 * The participant, if the actor may perform `action` on them under intake's sharing rules (kept
 * here from its events); otherwise 404 exactly as if they did not exist, with the denial audited
 * after the answer. Call it with the pool, never a transaction's client.
 */
export const participantFor = participantGate<KnownParticipant>(async (db, id) =>
  (await findParticipants(db, [id])).get(id),
);

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
      auditDenialAfterAnswer(db, actor, head.participantId, action, decision.reason);
      throw forbidden(
        decision.reason === 'other_org_record'
          ? 'Only the organization that enrolled the participant can change this enrollment.'
          : 'Your role cannot change enrollments.',
      );
    }
  }
  return { enrollment, head };
}

/**
 * Removing an exit is a contract manager's correction of the enrolling organization's own record
 * (or of the hub providing a Rent Assistance record): reading another organization's enrollment
 * through sharing never lets one undo its exit.
 */
export function requireEnrollingOrganization(
  db: Queryable,
  actor: Actor,
  enrollment: EnrollmentRecord,
  action: string,
): void {
  if (enrollment.orgId === actor.orgId || enrollment.serviceProviderOrgId === actor.orgId) return;
  auditDenialAfterAnswer(db, actor, enrollment.headParticipantId, action, 'other_org_record');
  throw forbidden(
    'Only the organization that enrolled the participant can change this enrollment.',
  );
}

/**
 * A Rent Assistance record's hub-side changes ("customer of", the Service Point ID) are the
 * service provider's: its hub staff, who read the record as any organization does (sharing).
 * Another organization, the coach's too, is refused (403: it may read the record).
 */
export async function providerRecordFor(
  db: Queryable,
  actor: Actor,
  enrollmentId: string,
  now: Date,
): Promise<EnrollmentRecord> {
  const { enrollment, head } = await enrollmentFor(db, actor, enrollmentId, 'read', now);
  const provider = enrollment.serviceProviderOrgId;
  // the record is the hub's to change: a read-only (referral) release to the hub is not enough
  const decision = provider
    ? decideAccess({
        actor,
        participant: head.sharing,
        record: { orgId: provider, restriction: 'mou' },
        action: 'write',
        now,
      })
    : { allowed: false, reason: 'not_service_provider' };
  if (!decision.allowed || !actor.roles.includes('hub_staff')) {
    const reason = decision.allowed ? 'role_cannot_write' : decision.reason;
    auditDenialAfterAnswer(db, actor, enrollment.headParticipantId, 'write', reason);
    throw forbidden("Only the hub staff providing this record's services can change this.");
  }
  return enrollment;
}

/**
 * Who exits an enrollment: its organization, or the hub of a Rent Assistance record (its hub staff
 * enter the exit after the final rent). A hub's rejection is a pre-program exit made in
 * rent-assistance with its case note, so here the hub records only an exit.
 */
export async function exitWriterFor(
  db: Queryable,
  actor: Actor,
  enrollmentId: string,
  kind: 'exit' | 'pre_program_exit',
  now: Date,
): Promise<void> {
  const { enrollment } = await enrollmentFor(db, actor, enrollmentId, 'read', now);
  const byHub = enrollment.serviceProviderOrgId === actor.orgId && enrollment.orgId !== actor.orgId;
  if (!byHub) {
    await enrollmentFor(db, actor, enrollmentId, 'write', now);
    return;
  }
  await providerRecordFor(db, actor, enrollmentId, now);
  if (kind !== 'exit')
    throw unprocessable('The hub rejects a referral in rent-assistance, with its case note.', [
      { field: 'kind', message: 'The hub records an exit here' },
    ]);
}
