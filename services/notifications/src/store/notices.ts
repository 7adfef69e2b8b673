import { randomUUID } from 'node:crypto';
import { binder, visibleToSql, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { sharingFactsColumns } from '@hearth/sharing';
import type { NewNotice, NoticeKind, RecordType } from '../domain/notice';

/** A notice as its reader sees it: `participantId` only when their sharing lets them see the participant. */
export interface NoticeRow {
  id: string;
  kind: NoticeKind;
  title: string;
  recordType: RecordType;
  recordId: string;
  participantId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One notice per event: a redelivered event writes nothing (its id when it was written). */
export async function saveNotice(
  tx: Queryable,
  notice: NewNotice,
  now: Date,
): Promise<string | undefined> {
  const id = randomUUID();
  const { rowCount } = await tx.query(
    `INSERT INTO notices (id, org_id, user_id, kind, title, record_type, record_id, participant_id,
       source_event_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (source_event_id) DO NOTHING`,
    [
      id,
      notice.orgId,
      notice.userId,
      notice.kind,
      notice.title,
      notice.recordType,
      notice.recordId,
      notice.participantId,
      notice.sourceEventId,
      now,
    ],
  );
  return rowCount === 1 ? id : undefined;
}

/** The notices addressed to the actor: to them, or to their organization as a whole. */
const addressedTo = (actor: Actor, bind: (v: unknown) => string) =>
  `n.org_id = ${bind(actor.orgId)}::uuid AND (n.user_id IS NULL OR n.user_id = ${bind(actor.userId)}::uuid)`;

export interface Position {
  createdAt: string;
  id: string;
}

/** A page of the actor's notices, newest first (`limit + 1` rows asked by the caller). */
export async function noticesOf(
  db: Queryable,
  actor: Actor,
  now: Date,
  options: { unreadOnly: boolean; about?: string[]; after?: Position; limit: number },
): Promise<NoticeRow[]> {
  const params: unknown[] = [];
  const bind = binder(params);
  const visible = visibleToSql(sharingFactsColumns('sf'), actor, now, bind);
  const user = `${bind(actor.userId)}::uuid`;
  const after = options.after
    ? `AND (n.created_at, n.id) < (${bind(options.after.createdAt)}::timestamptz, ${bind(options.after.id)}::uuid)`
    : '';
  // about one person (the records of one linked in intake): only the notices whose participant the
  // reader may see now (the filter must not reveal whom a notice they may not see is about)
  const about = options.about
    ? `AND n.participant_id = ANY(${bind(options.about)}::uuid[]) AND sf.participant_id IS NOT NULL AND ${visible}`
    : '';
  const { rows } = await db.query<NoticeRow>(
    `SELECT n.id, n.kind, n.title, n.record_type AS "recordType", n.record_id AS "recordId",
       CASE WHEN sf.participant_id IS NOT NULL AND ${visible} THEN n.participant_id END
         AS "participantId",
       to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
       to_char(r.read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "readAt"
     FROM notices n
     LEFT JOIN sharing_facts sf ON sf.participant_id = n.participant_id
     LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ${user}
     WHERE ${addressedTo(actor, bind)} ${after} ${about}
       AND (NOT ${bind(options.unreadOnly)}::boolean OR r.notice_id IS NULL)
     ORDER BY n.created_at DESC, n.id DESC
     LIMIT ${bind(options.limit)}`,
    params,
  );
  return rows;
}

/** How many of the actor's notices they have not read (the bell). */
export async function unreadCount(db: Queryable, actor: Actor): Promise<number> {
  const params: unknown[] = [];
  const bind = binder(params);
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM notices n
     WHERE ${addressedTo(actor, bind)} AND NOT EXISTS (
       SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ${bind(actor.userId)}::uuid)`,
    params,
  );
  return rows[0].count;
}

/** Marks one of the actor's notices read (again: its first read time stays); false when it is not theirs. */
export async function markRead(
  db: Queryable,
  actor: Actor,
  noticeId: string,
  now: Date,
): Promise<boolean> {
  const params: unknown[] = [];
  const bind = binder(params);
  const { rowCount } = await db.query(
    `WITH mine AS (SELECT n.id FROM notices n WHERE n.id = ${bind(noticeId)}::uuid AND ${addressedTo(actor, bind)}),
     marked AS (
       INSERT INTO notice_reads (notice_id, user_id, read_at)
       SELECT id, ${bind(actor.userId)}::uuid, ${bind(now)}::timestamptz FROM mine
       ON CONFLICT DO NOTHING)
     SELECT 1 FROM mine`,
    params,
  );
  return rowCount === 1;
}

/** Marks every notice of the actor read up to now; answers how many were unread. */
export async function markAllRead(db: Queryable, actor: Actor, now: Date): Promise<number> {
  const params: unknown[] = [];
  const bind = binder(params);
  const { rowCount } = await db.query(
    `INSERT INTO notice_reads (notice_id, user_id, read_at)
     SELECT n.id, ${bind(actor.userId)}::uuid, ${bind(now)}::timestamptz FROM notices n
     WHERE ${addressedTo(actor, bind)} AND n.created_at <= ${bind(now)}::timestamptz
     ON CONFLICT DO NOTHING`,
    params,
  );
  return rowCount ?? 0;
}
