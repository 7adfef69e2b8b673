import { join } from 'node:path';
import type { MigrationSource, Queryable } from '@hearth/db';
import type { FamilyChanged } from '@hearth/events';
import type { z } from 'zod';

export type FamilySnapshot = z.infer<(typeof FamilyChanged)['data']>;

/** The family_facts tables; every service that keeps intake's families migrates them. */
export const familyFactsMigrations: MigrationSource = {
  scope: 'families',
  dir: join(__dirname, '..', 'migrations'),
};

/** Replace a family with intake's latest snapshot of it, unless a newer one is already here. */
export async function applyFamily(
  tx: Queryable,
  family: FamilySnapshot,
  occurredAt: string,
): Promise<void> {
  const { rowCount } = await tx.query(
    `INSERT INTO family_facts (family_id, head_participant_id, last_event_at) VALUES ($1, $2, $3)
     ON CONFLICT (family_id) DO UPDATE SET head_participant_id = EXCLUDED.head_participant_id,
       last_event_at = EXCLUDED.last_event_at
     WHERE family_facts.last_event_at <= EXCLUDED.last_event_at`,
    [family.familyId, family.headParticipantId, occurredAt],
  );
  if (rowCount === 0) return; // an older snapshot: the newer one's members stand
  await tx.query('DELETE FROM family_fact_members WHERE family_id = $1', [family.familyId]);
  await tx.query(
    `INSERT INTO family_fact_members (family_id, participant_id, relationship, is_current_family)
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::boolean[]) ON CONFLICT DO NOTHING`,
    [
      family.familyId,
      family.members.map((m) => m.participantId),
      family.members.map((m) => m.relationship),
      family.members.map((m) => m.isCurrentFamily),
    ],
  );
}

export interface Relative {
  participantId: string;
  /** Relationship to the family's head, as intake records it. */
  relationship: string;
}

/**
 * The other members of the participant's current family (the family intake marks current for
 * them); a person entered alone has none.
 */
export async function currentFamilyOf(db: Queryable, participantId: string): Promise<Relative[]> {
  const { rows } = await db.query<Relative>(
    `SELECT other.participant_id AS "participantId", other.relationship
     FROM family_fact_members self
     JOIN family_fact_members other ON other.family_id = self.family_id
     WHERE self.participant_id = $1 AND self.is_current_family AND other.participant_id <> $1
     ORDER BY other.participant_id`,
    [participantId],
  );
  return rows;
}
