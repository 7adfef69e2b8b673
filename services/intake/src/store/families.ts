import type { Queryable } from '@hearth/db';
import type { Membership, Relationship } from '../domain/families';

const MEMBERSHIP = `family_id, participant_id, relationship, joined_on, left_on, is_current_family`;
const toMembership = (r: Record<string, unknown>): Membership => ({
  familyId: r.family_id as string,
  participantId: r.participant_id as string,
  relationship: r.relationship as Relationship,
  joinedOn: r.joined_on as string,
  leftOn: (r.left_on as string | null) ?? null,
  isCurrentFamily: r.is_current_family as boolean,
});

export async function insertFamily(tx: Queryable, id: string, createdByOrg: string) {
  const { rows } = await tx.query(
    'INSERT INTO families (id, created_by_org) VALUES ($1, $2) RETURNING created_at',
    [id, createdByOrg],
  );
  return { id, createdByOrg, createdAt: (rows[0].created_at as Date).toISOString() };
}

export async function findFamily(db: Queryable, id: string) {
  const { rows } = await db.query('SELECT created_by_org, created_at FROM families WHERE id = $1', [
    id,
  ]);
  if (!rows[0]) return undefined;
  return {
    id,
    createdByOrg: rows[0].created_by_org as string,
    createdAt: (rows[0].created_at as Date).toISOString(),
  };
}

/**
 * Lock families for the rest of the transaction, always in id order so two requests touching the
 * same families cannot deadlock. Returns the ids that exist.
 */
export async function lockFamilies(tx: Queryable, ids: string[]): Promise<string[]> {
  const { rows } = await tx.query(
    'SELECT id FROM families WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  return rows.map((r) => r.id);
}

export async function insertMember(tx: Queryable, m: Omit<Membership, 'leftOn'>) {
  await tx.query(`INSERT INTO family_members (${MEMBERSHIP}) VALUES ($1, $2, $3, $4, NULL, $5)`, [
    m.familyId,
    m.participantId,
    m.relationship,
    m.joinedOn,
    m.isCurrentFamily,
  ]);
}

/** Who is in the family now: the head first, then by the date they joined. */
export async function activeMembers(db: Queryable, familyId: string): Promise<Membership[]> {
  const { rows } = await db.query(
    `SELECT ${MEMBERSHIP} FROM family_members WHERE family_id = $1 AND left_on IS NULL
     ORDER BY relationship = 'head_of_household' DESC, joined_on, id`,
    [familyId],
  );
  return rows.map(toMembership);
}

export async function hasCurrentFamily(db: Queryable, participantId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'SELECT 1 FROM family_members WHERE participant_id = $1 AND is_current_family AND left_on IS NULL',
    [participantId],
  );
  return (rowCount ?? 0) > 0;
}

export async function activeFamilyIdsOf(db: Queryable, participantId: string): Promise<string[]> {
  const { rows } = await db.query(
    'SELECT family_id FROM family_members WHERE participant_id = $1 AND left_on IS NULL',
    [participantId],
  );
  return rows.map((r) => r.family_id);
}

/** The families the participant has not left, and which of them is their current one. */
export async function activeStaysOf(
  db: Queryable,
  participantId: string,
): Promise<Array<{ familyId: string; isCurrentFamily: boolean }>> {
  const { rows } = await db.query(
    'SELECT family_id, is_current_family FROM family_members WHERE participant_id = $1 AND left_on IS NULL',
    [participantId],
  );
  return rows.map((r) => ({ familyId: r.family_id, isCurrentFamily: r.is_current_family }));
}

/** A member who leaves keeps their row (family history); it is no longer their current family. */
export async function leaveFamily(
  tx: Queryable,
  familyId: string,
  participantId: string,
  on: string,
) {
  await tx.query(
    `UPDATE family_members SET left_on = $3, is_current_family = false
     WHERE family_id = $1 AND participant_id = $2 AND left_on IS NULL`,
    [familyId, participantId, on],
  );
}

/** The participant's current family stops being current; returns that family's id, if any. */
export async function clearCurrentFamily(tx: Queryable, participantId: string) {
  const { rows } = await tx.query(
    `UPDATE family_members SET is_current_family = false
     WHERE participant_id = $1 AND is_current_family AND left_on IS NULL RETURNING family_id`,
    [participantId],
  );
  return rows.map((r) => r.family_id as string);
}

export async function setRelationship(
  tx: Queryable,
  familyId: string,
  participantId: string,
  relationship: Relationship,
) {
  await tx.query(
    `UPDATE family_members SET relationship = $3
     WHERE family_id = $1 AND participant_id = $2 AND left_on IS NULL`,
    [familyId, participantId, relationship],
  );
}

/** Every stay of the participant in a family, newest first, with each family's present head. */
export async function familyHistoryOf(db: Queryable, participantId: string) {
  const { rows } = await db.query(
    `SELECT ${MEMBERSHIP.split(', ')
      .map((c) => `m.${c}`)
      .join(', ')},
       (SELECT h.participant_id FROM family_members h WHERE h.family_id = m.family_id
          AND h.relationship = 'head_of_household' AND h.left_on IS NULL) AS head_participant_id
     FROM family_members m WHERE m.participant_id = $1
     ORDER BY m.joined_on DESC, m.id DESC`,
    [participantId],
  );
  return rows.map((r) => ({
    ...toMembership(r),
    headParticipantId: (r.head_participant_id as string | null) ?? null,
  }));
}
