import type { z } from 'zod';
import type { Actor } from '@hearth/auth';
import { recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  createEvent,
  type EnrollmentSnapshot,
  type EventActor,
  type EventDefinition,
} from '@hearth/events';
import { currentRequestId } from '@hearth/logging';
import type { EnrollmentRecord } from '../store/enrollments';
import { currentMembers } from '../store/members';

/** Who an enrollment event is from: a user, or the system (the auto-exit job). */
export interface Author {
  actor: EventActor;
  requestId?: string;
}
export const authorOf = (actor: Actor): Author => ({
  actor: { userId: actor.userId, name: actor.name },
  requestId: currentRequestId(),
});
export const autoExitAuthor: Author = { actor: { userId: null, name: 'Auto exit (system)' } };

/** Record an enrollment event in the caller's transaction (the outbox publishes it on commit). */
export async function announce<S extends z.ZodType>(
  tx: Queryable,
  definition: EventDefinition<S>,
  enrollment: EnrollmentRecord,
  author: Author,
  data: z.input<S>,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(definition, {
      orgId: enrollment.orgId, // the enrolling organization, whoever changed it
      actor: author.actor,
      requestId: author.requestId,
      data,
    }),
  );
}

export async function memberIdsOf(db: Queryable, enrollmentId: string): Promise<string[]> {
  return (await currentMembers(db, enrollmentId)).map((m) => m.participantId);
}

export async function snapshotOf(db: Queryable, e: EnrollmentRecord): Promise<EnrollmentSnapshot> {
  return {
    enrollmentId: e.id,
    programId: e.programId,
    orgId: e.orgId,
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
