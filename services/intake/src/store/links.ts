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

/** The link and its two records; a second active link of either record is a unique violation. */
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

/** The active link of a record, if any: how an old id points to its person. */
export async function activeLinkOf(
  db: Queryable,
  participantId: string,
): Promise<PersonLinkRow | undefined> {
  const { rows } = await db.query(
    `SELECT l.* FROM linked_records r JOIN person_links l ON l.id = r.link_id WHERE r.participant_id = $1`,
    [participantId],
  );
  return rows[0] ? toLink(rows[0]) : undefined;
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
