import type { Queryable } from '@hearth/db';

/**
 * The members of an enrollment of `orgId` who live in its head's current household (the head
 * included, also when they were entered alone); undefined for an unknown enrollment or another
 * organization's. The households are intake's families (libs/families).
 */
export async function householdInEnrollment(
  db: Queryable,
  enrollmentId: string,
  orgId: string,
): Promise<string[] | undefined> {
  const { rows } = await db.query<{ ids: string[] | null }>(
    `SELECT (SELECT array_agg(m.participant_id ORDER BY m.participant_id)
             FROM enrollment_members m
             WHERE m.enrollment_id = e.id
               AND (m.participant_id = e.head_participant_id OR m.participant_id IN (
                 SELECT other.participant_id
                 FROM family_fact_members self
                 JOIN family_fact_members other ON other.family_id = self.family_id
                 WHERE self.participant_id = e.head_participant_id AND self.is_current_family)))
             AS ids
     FROM enrollments e WHERE e.id = $1 AND e.org_id = $2`,
    [enrollmentId, orgId],
  );
  return rows[0] && (rows[0].ids ?? []);
}
