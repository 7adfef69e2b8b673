import type { Queryable } from '@hearth/db';
import type { InvitationView, ReceivedInvitationView } from '../domain/invitations';
import type { Role } from '../domain/users';
import { emailCursor } from './users';

/** Not accepted, not revoked, not lapsed by the service's clock (`now` is the parameter named). */
const pending = (now: string) =>
  `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ${now}::timestamptz`;
const VIEW = `i.id, i.email, i.roles, to_char(i.expires_at AT TIME ZONE 'UTC',
  'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "expiresAt"`;

/**
 * Records an invitation; inviting the same email to the same organization again replaces the
 * pending (or lapsed) one with new roles, token and expiry, in one statement, so two admins at
 * once cannot leave two behind.
 */
export async function upsertInvitation(
  db: Queryable,
  invitation: { id: string; orgId: string; email: string; roles: Role[]; tokenHash: Buffer },
  invitedBy: string,
  expiry: { now: Date; ttlSeconds: number },
): Promise<InvitationView> {
  const { rows } = await db.query<InvitationView>(
    `INSERT INTO invitations AS i (id, org_id, email, roles, token_hash, invited_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz + make_interval(secs => $8))
     ON CONFLICT (org_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL
     DO UPDATE SET roles = excluded.roles, token_hash = excluded.token_hash,
                   invited_by = excluded.invited_by, expires_at = excluded.expires_at
     RETURNING ${VIEW}`,
    [
      invitation.id,
      invitation.orgId,
      invitation.email,
      invitation.roles,
      invitation.tokenHash,
      invitedBy,
      expiry.now,
      expiry.ttlSeconds,
    ],
  );
  return rows[0];
}

/** The organization's pending invitations by email, paged. */
export async function listPendingInvitations(
  db: Queryable,
  orgId: string,
  page: { limit: number; cursor?: string },
  now: Date,
) {
  const { rows } = await db.query<InvitationView>(
    `SELECT ${VIEW} FROM invitations i
     WHERE i.org_id = $1 AND ${pending('$4')} AND ($2::text IS NULL OR i.email > $2)
     ORDER BY i.email LIMIT $3`,
    [orgId, emailCursor.decode(page.cursor) ?? null, page.limit + 1, now],
  );
  return emailCursor.page(rows, page.limit, (i) => i.email);
}

/** False when the organization has no such pending invitation. */
export async function revokeInvitation(db: Queryable, orgId: string, id: string, now: Date) {
  const { rowCount } = await db.query(
    `UPDATE invitations i SET revoked_at = $3 WHERE i.id = $1 AND i.org_id = $2 AND ${pending('$3')}`,
    [id, orgId, now],
  );
  return rowCount === 1;
}

/** Pending invitations addressed to one email, with the inviting organizations' names. */
export async function invitationsFor(db: Queryable, email: string, now: Date) {
  const { rows } = await db.query<ReceivedInvitationView>(
    `SELECT i.id, i.org_id AS "organizationId", o.name AS "organizationName", i.roles,
            to_char(i.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "expiresAt"
     FROM invitations i JOIN organizations o ON o.id = i.org_id
     WHERE i.email = $1 AND ${pending('$2')} ORDER BY o.name`,
    [email, now],
  );
  return rows;
}

/** The pending invitation a token stands for, without taking it. */
export async function findPendingByToken(db: Queryable, hash: Buffer, now: Date) {
  const { rows } = await db.query<{ email: string }>(
    `SELECT i.email FROM invitations i WHERE i.token_hash = $1 AND ${pending('$2')}`,
    [hash, now],
  );
  return rows[0];
}

export interface TakenInvitation {
  email: string;
  orgId: string;
  roles: Role[];
}

/**
 * Marks a pending invitation accepted and says what it grants; undefined when it is not pending.
 * Found by id for the signed-in invitee (and their email), or by the token's hash.
 */
export async function takeInvitation(
  db: Queryable,
  by: { id: string; email: string } | { tokenHash: Buffer },
  now: Date,
): Promise<TakenInvitation | undefined> {
  const [where, values] =
    'tokenHash' in by
      ? ['i.token_hash = $2', [now, by.tokenHash]]
      : ['i.id = $2 AND i.email = $3', [now, by.id, by.email]];
  const { rows } = await db.query<TakenInvitation>(
    `UPDATE invitations i SET accepted_at = $1 WHERE ${where} AND ${pending('$1')}
     RETURNING i.email, i.org_id AS "orgId", i.roles`,
    values,
  );
  return rows[0];
}
