import { binder, visibleToSql, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { sharingFactsColumns } from '@hearth/sharing';

export type TicketStatus = 'open' | 'answered' | 'closed';

export interface NewTicket {
  summary: string;
  description: string;
  email: string;
  phone?: string;
  page?: string;
  participantId?: string;
  attachmentDocumentId?: string;
}

const utc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A ticket as `actor` reads it: the participant named only when their sharing lets the reader see them. */
function selectTickets(actor: Actor, now: Date, bind: (v: unknown) => string) {
  const visible = visibleToSql(sharingFactsColumns('sf'), actor, now, bind);
  return `SELECT t.id, t.reporter_user_id AS "reporterUserId", t.summary, t.description, t.email,
      t.phone, t.page,
      CASE WHEN sf.participant_id IS NOT NULL AND ${visible} THEN t.participant_id END
        AS "participantId",
      t.attachment_document_id AS "attachmentDocumentId", t.status, t.answer,
      t.answered_by AS "answeredBy", ${utc('t.answered_at')} AS "answeredAt",
      ${utc('t.closed_at')} AS "closedAt", ${utc('t.created_at')} AS "createdAt"
    FROM help_tickets t LEFT JOIN sharing_facts sf ON sf.participant_id = t.participant_id`;
}

export async function insertTicket(
  db: Queryable,
  id: string,
  actor: Actor,
  ticket: NewTicket,
  now: Date,
) {
  await db.query(
    `INSERT INTO help_tickets (id, org_id, reporter_user_id, summary, description, email, phone,
       page, participant_id, attachment_document_id, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11)`,
    [
      id,
      actor.orgId,
      actor.userId,
      ticket.summary,
      ticket.description,
      ticket.email,
      ticket.phone ?? null,
      ticket.page ?? null,
      ticket.participantId ?? null,
      ticket.attachmentDocumentId ?? null,
      now,
    ],
  );
}

/** One ticket of the actor's organization, as they read it. */
export async function ticketOf(db: Queryable, actor: Actor, id: string, now: Date) {
  const params: unknown[] = [];
  const bind = binder(params);
  const sql = `${selectTickets(actor, now, bind)}
    WHERE t.id = ${bind(id)}::uuid AND t.org_id = ${bind(actor.orgId)}::uuid`;
  return (await db.query(sql, params)).rows[0];
}

/** The organization's tickets, newest first, of one status or all (`limit + 1` by the caller). */
export async function ticketsOf(
  db: Queryable,
  actor: Actor,
  now: Date,
  options: { status?: TicketStatus; after?: { createdAt: string; id: string }; limit: number },
) {
  const params: unknown[] = [];
  const bind = binder(params);
  const after = options.after
    ? `AND (t.created_at, t.id) < (${bind(options.after.createdAt)}::timestamptz, ${bind(options.after.id)}::uuid)`
    : '';
  const sql = `${selectTickets(actor, now, bind)}
    WHERE t.org_id = ${bind(actor.orgId)}::uuid ${after}
      AND (${bind(options.status ?? null)}::text IS NULL OR t.status = ${bind(options.status ?? null)})
    ORDER BY t.created_at DESC, t.id DESC LIMIT ${bind(options.limit)}`;
  return (await db.query(sql, params)).rows;
}

/** Answers an open or answered ticket (a later answer replaces the earlier); its reporter, or undefined. */
export async function answerTicket(
  tx: Queryable,
  orgId: string,
  id: string,
  answer: { text: string; by: string },
  now: Date,
) {
  const { rows } = await tx.query<{ reporterUserId: string }>(
    `UPDATE help_tickets SET status = 'answered', answer = $3, answered_by = $4, answered_at = $5
     WHERE id = $1 AND org_id = $2 AND status <> 'closed' RETURNING reporter_user_id AS "reporterUserId"`,
    [id, orgId, answer.text, answer.by, now],
  );
  return rows[0];
}

export async function closeTicket(tx: Queryable, orgId: string, id: string, now: Date) {
  const { rowCount } = await tx.query(
    `UPDATE help_tickets SET status = 'closed', closed_at = $3
     WHERE id = $1 AND org_id = $2 AND status <> 'closed'`,
    [id, orgId, now],
  );
  return rowCount === 1;
}

export async function ticketStatus(db: Queryable, orgId: string, id: string) {
  const { rows } = await db.query<{ status: TicketStatus }>(
    'SELECT status FROM help_tickets WHERE id = $1 AND org_id = $2',
    [id, orgId],
  );
  return rows[0]?.status;
}

/** Keeps documents' facts: what an attachment may name. */
export async function saveKnownDocument(
  tx: Queryable,
  doc: { documentId: string; orgId: string; participantId: string },
  deleted: boolean,
) {
  await tx.query(
    `INSERT INTO known_documents (document_id, org_id, participant_id, deleted) VALUES ($1, $2, $3, $4)
     ON CONFLICT (document_id) DO UPDATE SET deleted = known_documents.deleted OR EXCLUDED.deleted`,
    [doc.documentId, doc.orgId, doc.participantId, deleted],
  );
}

/** Is it a live document of the organization (and, when named, about that participant)? */
export async function isLiveDocumentOf(
  db: Queryable,
  documentId: string,
  orgId: string,
  participantId?: string,
) {
  const { rowCount } = await db.query(
    `SELECT 1 FROM known_documents WHERE document_id = $1 AND org_id = $2 AND NOT deleted
       AND ($3::uuid IS NULL OR participant_id = $3::uuid)`,
    [documentId, orgId, participantId ?? null],
  );
  return rowCount === 1;
}
