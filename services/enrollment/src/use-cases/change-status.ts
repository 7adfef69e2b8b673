import type { Queryable } from '@hearth/db';
import { type EventAuthor } from '@hearth/bus';
import {
  EnrollmentExited,
  EnrollmentStatusChanged,
  EnrollmentUpdated,
  type EnrollmentSnapshot,
  type housingStatusesAtExit,
} from '@hearth/events';
import { removesFromPerformance, type ExitReason } from '../domain/program-status';
import { announce, memberIdsOf, snapshotOf } from '../events/enrollments';
import {
  updateEnrollment,
  type EnrollmentChanges,
  type EnrollmentRecord,
} from '../store/enrollments';
import { appendStatus } from '../store/statuses';

type Status = EnrollmentSnapshot['status'];
type HousingStatusAtExit = (typeof housingStatusesAtExit)[number];

/** The snapshot after a change, for consumers that keep enrollments (services, reporting). */
export async function announceUpdated(tx: Queryable, e: EnrollmentRecord, author: EventAuthor) {
  await announce(tx, EnrollmentUpdated, e, author, await snapshotOf(tx, e));
}

/**
 * Every program status goes through here: the history row, the enrollment's current status and
 * its other changes, and the events, all in the caller's transaction.
 */
export async function changeStatus(
  tx: Queryable,
  enrollment: EnrollmentRecord,
  entry: {
    status: Status;
    statusDate: string;
    reason?: ExitReason;
    removedFromPerformance?: boolean;
    housingStatusAtExit?: HousingStatusAtExit | null;
  },
  changes: EnrollmentChanges,
  author: EventAuthor,
): Promise<EnrollmentRecord> {
  const removedFromPerformance = entry.removedFromPerformance ?? false;
  await appendStatus(tx, enrollment.id, {
    status: entry.status,
    statusDate: entry.statusDate,
    reason: entry.reason ?? null,
    housingStatusAtExit: entry.housingStatusAtExit ?? null,
    removedFromPerformance,
    recordedBy: { userId: author.actor.userId, name: author.actor.name },
  });
  const updated = await updateEnrollment(tx, enrollment.id, { ...changes, status: entry.status });
  await announce(tx, EnrollmentStatusChanged, updated, author, {
    enrollmentId: updated.id,
    headParticipantId: updated.headParticipantId,
    status: entry.status,
    statusDate: entry.statusDate,
    previousStatus: enrollment.status as Status,
    reason: entry.reason ?? null,
    removedFromPerformance,
  });
  await announceUpdated(tx, updated, author);
  return updated;
}

export interface ExitRequest {
  kind: 'exit' | 'pre_program_exit' | 'auto_exit';
  exitDate: string;
  reason: ExitReason;
  housingStatusAtExit: HousingStatusAtExit | null;
}

/** Exit an open enrollment (the caller has locked it and checked the rules). */
export async function exitEnrollment(
  tx: Queryable,
  enrollment: EnrollmentRecord,
  exit: ExitRequest,
  author: EventAuthor,
): Promise<EnrollmentRecord> {
  const removedFromPerformance = removesFromPerformance(exit.kind, exit.reason);
  const updated = await changeStatus(
    tx,
    enrollment,
    { status: exit.kind, statusDate: exit.exitDate, ...exit, removedFromPerformance },
    {
      exitDate: exit.exitDate,
      exitKind: exit.kind,
      exitReason: exit.reason,
      housingStatusAtExit: exit.housingStatusAtExit,
    },
    author,
  );
  await announce(tx, EnrollmentExited, updated, author, {
    enrollmentId: updated.id,
    headParticipantId: updated.headParticipantId,
    memberParticipantIds: await memberIdsOf(tx, updated.id),
    ...exit,
    removedFromPerformance,
  });
  return updated;
}

/** Undo an exit: the record continues, and the idle days before an auto exit start again today. */
export function writeExitRemoval(
  tx: Queryable,
  enrollment: EnrollmentRecord,
  today: string,
  author: EventAuthor,
): Promise<EnrollmentRecord> {
  return changeStatus(
    tx,
    enrollment,
    { status: 'exit_removed', statusDate: today },
    {
      exitDate: null,
      exitKind: null,
      exitReason: null,
      housingStatusAtExit: null,
      reopenedOn: today,
    },
    author,
  );
}
