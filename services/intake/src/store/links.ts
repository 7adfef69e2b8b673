import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';

export interface PersonLinkRow {
  linkId: string;
  personId: string;
  survivingParticipantId: string;
  participantIds: [string, string];
  reason: string;
  linkedBy: string;
  linkedOrgId: string;
  linkedAt: string;
  unlinkedBy: string | null;
  unlinkedAt: string | null;
  unlinkReason: string | null;
}

const toLink = (r: Record<string, unknown>): PersonLinkRow => ({
  linkId: r.id as string,
  personId: r.surviving_participant_id as string,
  survivingParticipantId: r.surviving_participant_id as string,
  participantIds: [r.surviving_participant_id as string, r.linked_participant_id as string],
  reason: r.reason as string,
  linkedBy: r.linked_by as string,
  linkedOrgId: r.linked_org_id as string,
  linkedAt: (r.linked_at as Date).toISOString(),
  unlinkedBy: (r.unlinked_by as string | null) ?? null,
  unlinkedAt: (r.unlinked_at as Date | null)?.toISOString() ?? null,
  unlinkReason: (r.unlink_reason as string | null) ?? null,
});

/** The link and its two records (call it under lockLinks, once the two are known to be two persons). */
export async function insertLink(
  tx: Queryable,
  link: { id: string; survivingId: string; linkedId: string; reason: string },
  actor: Actor,
  now: Date,
): Promise<PersonLinkRow> {
  const { rows } = await tx.query(
    `INSERT INTO person_links (id, surviving_participant_id, linked_participant_id, reason, linked_by, linked_org_id, linked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [link.id, link.survivingId, link.linkedId, link.reason, actor.userId, actor.orgId, now],
  );
  await tx.query('INSERT INTO linked_records (participant_id, link_id) VALUES ($1, $3), ($2, $3)', [
    link.survivingId,
    link.linkedId,
    link.id,
  ]);
  return toLink(rows[0]);
}

/** A link by id, locked for its undo when `forUpdate`. */
export async function findLink(
  db: Queryable,
  linkId: string,
  forUpdate = false,
): Promise<PersonLinkRow | undefined> {
  const { rows } = await db.query(
    `SELECT * FROM person_links WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [linkId],
  );
  return rows[0] ? toLink(rows[0]) : undefined;
}

/**
 * Every record of the person `participantId` belongs to, itself included: the records its active
 * links reach, link after link (a chain A–B, B–C is one person A, B, C).
 */
export async function recordsOfPerson(db: Queryable, participantId: string): Promise<string[]> {
  const { rows } = await db.query<{ participant_id: string }>(
    `${personOf('$1::uuid')} SELECT participant_id FROM person`,
    [participantId],
  );
  return rows.map((r) => r.participant_id);
}

/** The CTE `person (participant_id)`: every record the active links reach from `start` (SQL). */
export const personOf = (start: string) => `WITH RECURSIVE person (participant_id) AS (
    SELECT ${start}
    UNION
    SELECT other.participant_id FROM person p
    JOIN linked_records mine ON mine.participant_id = p.participant_id
    JOIN linked_records other ON other.link_id = mine.link_id
  )`;

/** The active links between `participantIds`, oldest first. */
export async function activeLinksAmong(
  db: Queryable,
  participantIds: string[],
): Promise<PersonLinkRow[]> {
  const { rows } = await db.query(
    `SELECT * FROM person_links l
     WHERE l.unlinked_at IS NULL
       AND EXISTS (SELECT 1 FROM linked_records r WHERE r.link_id = l.id AND r.participant_id = ANY($1::uuid[]))
     ORDER BY l.linked_at, l.id`,
    [participantIds],
  );
  return rows.map(toLink);
}

/**
 * Serializes every change of links (a link, an undo) until the transaction ends: whether two
 * records are one person already is a question about whole chains, which no row lock or unique
 * key can hold when two supervisors link at once. Links are rare, reads never wait.
 */
export async function lockLinks(tx: Queryable): Promise<void> {
  await tx.query('LOCK TABLE linked_records IN SHARE ROW EXCLUSIVE MODE');
}

/** Ends the link: both records are persons of their own again; the link stays as history. */
export async function endLink(
  tx: Queryable,
  linkId: string,
  actor: Actor,
  reason: string,
  now: Date,
): Promise<PersonLinkRow> {
  await tx.query('DELETE FROM linked_records WHERE link_id = $1', [linkId]);
  const { rows } = await tx.query(
    `UPDATE person_links SET unlinked_by = $2, unlinked_org_id = $3, unlinked_at = $4, unlink_reason = $5
     WHERE id = $1 RETURNING *`,
    [linkId, actor.userId, actor.orgId, now, reason],
  );
  return toLink(rows[0]);
}
