import type { Queryable } from '@hearth/db';

export interface StatusEntry {
  status: string;
  statusDate: string;
  reason: string | null;
  housingStatusAtExit: string | null;
  removedFromPerformance: boolean;
  recordedBy: { userId: string | null; name: string };
  recordedAt: string;
}

export async function appendStatus(
  tx: Queryable,
  enrollmentId: string,
  entry: Omit<StatusEntry, 'recordedAt'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO program_statuses (enrollment_id, status, status_date, reason, housing_status_at_exit,
       removed_from_performance, recorded_by_user_id, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      enrollmentId,
      entry.status,
      entry.statusDate,
      entry.reason,
      entry.housingStatusAtExit,
      entry.removedFromPerformance,
      entry.recordedBy.userId,
      entry.recordedBy.name,
    ],
  );
}

/** Move the date of a status set once (application, participation) when its source date moves. */
export async function moveStatusDate(
  tx: Queryable,
  enrollmentId: string,
  status: 'application' | 'participation',
  date: string,
): Promise<void> {
  await tx.query(
    'UPDATE program_statuses SET status_date = $3 WHERE enrollment_id = $1 AND status = $2',
    [enrollmentId, status, date],
  );
}

/** The program status history, newest first (as I-Trac's Program Status control lists it). */
export async function statusHistory(db: Queryable, enrollmentId: string): Promise<StatusEntry[]> {
  const { rows } = await db.query(
    'SELECT * FROM program_statuses WHERE enrollment_id = $1 ORDER BY id DESC',
    [enrollmentId],
  );
  return rows.map((r) => ({
    status: r.status,
    statusDate: r.status_date,
    reason: r.reason,
    housingStatusAtExit: r.housing_status_at_exit,
    removedFromPerformance: r.removed_from_performance,
    recordedBy: { userId: r.recorded_by_user_id, name: r.recorded_by_name },
    recordedAt: (r.recorded_at as Date).toISOString(),
  }));
}
