import type { Queryable } from '@hearth/db';
import type { FamilyChanged } from '@hearth/events';
import type { z } from 'zod';

type FamilySnapshot = z.infer<(typeof FamilyChanged)['data']>;

/** Replace a household with intake's latest snapshot of it, unless a newer one is already here. */
export async function saveHousehold(
  tx: Queryable,
  family: FamilySnapshot,
  occurredAt: string,
): Promise<void> {
  const { rowCount } = await tx.query(
    `INSERT INTO households (family_id, head_participant_id, last_event_at) VALUES ($1, $2, $3)
     ON CONFLICT (family_id) DO UPDATE SET head_participant_id = EXCLUDED.head_participant_id,
       last_event_at = EXCLUDED.last_event_at
     WHERE households.last_event_at <= EXCLUDED.last_event_at`,
    [family.familyId, family.headParticipantId, occurredAt],
  );
  if (!rowCount) return; // an older snapshot: the newer one's members stand
  await tx.query('DELETE FROM household_members WHERE family_id = $1', [family.familyId]);
  await tx.query(
    `INSERT INTO household_members (family_id, participant_id, is_current_family)
     SELECT $1, * FROM unnest($2::uuid[], $3::boolean[]) ON CONFLICT DO NOTHING`,
    [
      family.familyId,
      family.members.map((m) => m.participantId),
      family.members.map((m) => m.isCurrentFamily),
    ],
  );
}

/**
 * The members of an enrollment of `orgId` who live in its head's current household (the head
 * included, also when they were entered alone); undefined for an unknown enrollment or another
 * organization's.
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
                 FROM household_members self
                 JOIN household_members other ON other.family_id = self.family_id
                 WHERE self.participant_id = e.head_participant_id AND self.is_current_family)))
             AS ids
     FROM enrollments e WHERE e.id = $1 AND e.org_id = $2`,
    [enrollmentId, orgId],
  );
  return rows[0] && (rows[0].ids ?? []);
}
