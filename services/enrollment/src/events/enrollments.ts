import type { z } from 'zod';
import { recordEvent, systemAuthor, type EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, type EnrollmentSnapshot, type EventDefinition } from '@hearth/events';
import type { EnrollmentRecord } from '../store/enrollments';
import { currentMembers } from '../store/members';
import { programKindOf } from '../store/programs';

export const autoExitAuthor = systemAuthor('Auto exit (system)');

/** Record an enrollment event in the caller's transaction (the outbox publishes it on commit). */
export async function announce<S extends z.ZodType>(
  tx: Queryable,
  definition: EventDefinition<S>,
  enrollment: EnrollmentRecord,
  author: EventAuthor,
  data: z.input<S>,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(definition, {
      orgId: enrollment.orgId, // the enrolling organization, whoever changed it
      ...author,
      data,
    }),
  );
}

export async function memberIdsOf(db: Queryable, enrollmentId: string): Promise<string[]> {
  return (await currentMembers(db, enrollmentId)).map((m) => m.participantId);
}

// the program's kind never changes, so each snapshot can carry it (services tells RSI by it)
export async function snapshotOf(db: Queryable, e: EnrollmentRecord): Promise<EnrollmentSnapshot> {
  return {
    enrollmentId: e.id,
    programId: e.programId,
    programKind: await programKindOf(db, e.programId),
    orgId: e.orgId,
    serviceProviderOrgId: e.serviceProviderOrgId,
    customerOfUserId: e.customerOfUserId,
    totalAmountRequestedCents: e.registration.totalAmountRequestedCents ?? null,
    headParticipantId: e.headParticipantId,
    memberParticipantIds: await memberIdsOf(db, e.id),
    applicationDate: e.applicationDate,
    registrationDate: e.registrationDate,
    participationDate: e.participationDate,
    lastQualifyingServiceDate: e.lastQualifyingServiceDate,
    exitDate: e.exitDate,
    status: e.status as EnrollmentSnapshot['status'],
  };
}
