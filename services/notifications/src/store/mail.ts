import { randomUUID } from 'node:crypto';
import type { Queryable } from '@hearth/db';

export interface MailAddress {
  email: string;
  firstName: string;
}

export async function saveMailAddress(
  db: Queryable,
  who: { orgId: string; userId: string },
  address: MailAddress,
  now: Date,
) {
  await db.query(
    `INSERT INTO mail_addresses (org_id, user_id, email, first_name, updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (org_id, user_id) DO UPDATE SET email = EXCLUDED.email,
       first_name = EXCLUDED.first_name, updated_at = EXCLUDED.updated_at`,
    [who.orgId, who.userId, address.email, address.firstName, now],
  );
}

export async function mailAddressOf(db: Queryable, who: { orgId: string; userId: string }) {
  const { rows } = await db.query<MailAddress>(
    `SELECT email, first_name AS "firstName" FROM mail_addresses WHERE org_id = $1 AND user_id = $2`,
    [who.orgId, who.userId],
  );
  return rows[0];
}

export async function forgetMailAddress(db: Queryable, who: { orgId: string; userId: string }) {
  const { rowCount } = await db.query(
    'DELETE FROM mail_addresses WHERE org_id = $1 AND user_id = $2',
    [who.orgId, who.userId],
  );
  return rowCount === 1;
}

/** Who of a notice's recipients asked for mail: one user, or every user of the organization. */
export async function mailRecipients(db: Queryable, orgId: string, userId: string | null) {
  const { rows } = await db.query<MailAddress & { userId: string }>(
    `SELECT user_id AS "userId", email, first_name AS "firstName" FROM mail_addresses
     WHERE org_id = $1 AND ($2::uuid IS NULL OR user_id = $2::uuid)`,
    [orgId, userId],
  );
  return rows;
}

export interface QueuedMail {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

export async function queueMail(
  tx: Queryable,
  mail: { noticeId: string; userId: string; to: string; subject: string; body: string },
  now: Date,
) {
  await tx.query(
    `INSERT INTO mail_outbox (id, notice_id, user_id, to_address, subject, body, next_attempt_at,
       created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (notice_id, user_id) DO NOTHING`,
    [randomUUID(), mail.noticeId, mail.userId, mail.to, mail.subject, mail.body, now],
  );
}

/** Mail due by `now`, oldest first (the job runs alone: its advisory lock). */
export async function dueMail(db: Queryable, now: Date, limit: number): Promise<QueuedMail[]> {
  const { rows } = await db.query<QueuedMail>(
    `SELECT id, to_address AS "toAddress", subject, body, attempts FROM mail_outbox
     WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`,
    [now, limit],
  );
  return rows;
}

export async function markSent(db: Queryable, id: string, now: Date) {
  await db.query('UPDATE mail_outbox SET sent_at = $2, attempts = attempts + 1 WHERE id = $1', [
    id,
    now,
  ]);
}

export async function markFailed(db: Queryable, id: string, error: string, retryAt: Date) {
  await db.query(
    `UPDATE mail_outbox SET attempts = attempts + 1, last_error = left($2, 500),
       next_attempt_at = $3 WHERE id = $1`,
    [id, error, retryAt],
  );
}
