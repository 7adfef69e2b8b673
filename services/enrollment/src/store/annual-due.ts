import type { Queryable } from '@hearth/db';
import { addDays } from '@hearth/time';
import {
  ANNUAL_WINDOW_DAYS,
  anniversaryWindow,
  type AnniversaryWindow,
} from '../domain/annual-assessment';

export interface AnnualDue extends AnniversaryWindow {
  enrollmentId: string;
  orgId: string;
  programId: string;
  headParticipantId: string;
  /** current members with no annual assessment dated within the window */
  participantIds: string[];
}

/**
 * Open enrollments whose anniversary window holds `today`, with the members still lacking an
 * annual assessment in it (none lacking: not listed). Only entries at least 11 months old can be
 * in a window, so the query reads only those.
 */
export async function annualAssessmentsDue(
  db: Queryable,
  today: string,
  filter: { programId?: string } = {},
): Promise<AnnualDue[]> {
  const { rows } = await db.query(
    `SELECT e.id, e.org_id, e.program_id, e.head_participant_id, e.application_date,
       array_agg(m.participant_id ORDER BY m.is_head DESC, m.participant_id) AS members
     FROM enrollments e JOIN enrollment_members m ON m.enrollment_id = e.id AND m.removed_at IS NULL
     WHERE e.exit_date IS NULL AND e.application_date <= $1::date
       AND ($2::uuid IS NULL OR e.program_id = $2::uuid)
     GROUP BY e.id ORDER BY e.application_date, e.id`,
    [addDays(today, ANNUAL_WINDOW_DAYS - 365), filter.programId ?? null],
  );
  const due: AnnualDue[] = [];
  for (const r of rows) {
    const window = anniversaryWindow(r.application_date, today);
    if (!window) continue;
    const { rows: assessed } = await db.query(
      `SELECT DISTINCT participant_id FROM hmis_assessments
       WHERE enrollment_id = $1 AND stage = 'annual' AND information_date BETWEEN $2 AND $3`,
      [r.id, window.from, window.to],
    );
    const done = new Set(assessed.map((a) => a.participant_id as string));
    const missing = (r.members as string[]).filter((id) => !done.has(id));
    if (missing.length)
      due.push({
        ...window,
        enrollmentId: r.id,
        orgId: r.org_id,
        programId: r.program_id,
        headParticipantId: r.head_participant_id,
        participantIds: missing,
      });
  }
  return due;
}

/** Marks an anniversary announced; false when another pass already did. */
export async function markAnnounced(tx: Queryable, enrollmentId: string, anniversary: string) {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_annual_due_announcements (enrollment_id, anniversary_date) VALUES ($1, $2)
     ON CONFLICT DO NOTHING`,
    [enrollmentId, anniversary],
  );
  return (rowCount ?? 0) > 0;
}
