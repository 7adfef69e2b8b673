import { binder, visibleToSql, type Actor } from '@hearth/access';
import { withTransaction, type Pool, type Queryable } from '@hearth/db';
import { sharingFactsColumns } from '@hearth/sharing';
import { linkedPersonEntriesSql, queueEntryColumns, unlinked } from './queue-people';
import { SORT_KEY_SQL, afterSql, orderBySql, type QueueOrdering } from '../domain/queue-order';

export interface HousingQueue {
  id: string;
  name: string;
  ordering: QueueOrdering;
}

export async function queues(db: Queryable): Promise<HousingQueue[]> {
  const { rows } = await db.query<HousingQueue>(
    'SELECT id, name, ordering FROM housing_queues ORDER BY name, id LIMIT 200',
  );
  return rows;
}

export async function findQueue(db: Queryable, id: string): Promise<HousingQueue | undefined> {
  const { rows } = await db.query<HousingQueue>(
    'SELECT id, name, ordering FROM housing_queues WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function insertQueue(tx: Queryable, q: HousingQueue, at: Date): Promise<HousingQueue> {
  const { rows } = await tx.query<HousingQueue>(
    `INSERT INTO housing_queues (id, name, ordering, created_at) VALUES ($1, $2, $3, $4)
     RETURNING id, name, ordering`,
    [q.id, q.name, JSON.stringify(q.ordering), at],
  );
  return rows[0];
}

export type EntryStatus = 'waiting' | 'referred' | 'placed' | 'removed';

export interface QueueEntry {
  id: string;
  queueId: string;
  participantId: string;
  assessmentId: string;
  score: number;
  homelessSince: string;
  householdSize: number;
  needs: string[];
  status: EntryStatus;
  addedAt: string;
  lastRejection: { reason: string; at: string } | null;
  referral: { id: string; status: string } | null;
}

const instant = (col: string) =>
  `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const entryColumns = `e.id, e.queue_id AS "queueId", e.participant_id AS "participantId",
  e.assessment_id AS "assessmentId", e.score,
  to_char(e.homeless_since, 'YYYY-MM-DD') AS "homelessSince", e.household_size AS "householdSize",
  e.needs, e.status, ${instant('e.added_at')} AS "addedAt",
  CASE WHEN e.last_rejected_at IS NULL THEN NULL ELSE json_build_object(
    'reason', e.last_rejection_reason, 'at', ${instant('e.last_rejected_at')}) END AS "lastRejection",
  (SELECT json_build_object('id', r.id, 'status', r.status) FROM referrals r
   WHERE r.queue_entry_id = e.id AND r.deleted_at IS NULL
   ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS referral`;

export async function insertEntry(
  tx: Queryable,
  e: Omit<QueueEntry, 'status' | 'addedAt' | 'lastRejection' | 'referral'>,
  by: { userId: string; orgId: string },
  at: Date,
): Promise<QueueEntry> {
  await tx.query(
    `INSERT INTO queue_entries (id, queue_id, participant_id, assessment_id, score, homeless_since,
       household_size, needs, added_at, added_by, added_by_org_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      e.id,
      e.queueId,
      e.participantId,
      e.assessmentId,
      e.score,
      e.homelessSince,
      e.householdSize,
      e.needs,
      at,
      by.userId,
      by.orgId,
    ],
  );
  return (await findEntry(tx, e.id))!;
}

/** One entry; `forUpdate` locks it for the match, placement or removal that follows. */
export async function findEntry(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<QueueEntry | undefined> {
  const { rows } = await db.query<QueueEntry>(
    `SELECT ${entryColumns} FROM queue_entries e WHERE e.id = $1
     ${options.forUpdate ? 'FOR UPDATE OF e' : ''}`,
    [id],
  );
  return rows[0];
}

/**
 * Moves a locked entry; leaving the queue (placed, removed) dates it; a provider's rejection and a
 * removal keep why.
 */
export async function setEntryStatus(
  tx: Queryable,
  id: string,
  status: EntryStatus,
  at: Date,
  why: { rejection?: string; removal?: string } = {},
): Promise<void> {
  await tx.query(
    `UPDATE queue_entries SET status = $2,
       left_at = CASE WHEN $2 IN ('placed', 'removed') THEN $3 ELSE left_at END,
       last_rejection_reason = coalesce($4, last_rejection_reason),
       last_rejected_at = CASE WHEN $4::text IS NULL THEN last_rejected_at ELSE $3 END,
       removal_reason = coalesce($5, removal_reason)
     WHERE id = $1`,
    [id, status, at, why.rejection ?? null, why.removal ?? null],
  );
}

export type EntryRow = QueueEntry & { sortKeys: Array<string | number> };

/**
 * One page of the entries still on a queue (waiting or referred), in the queue's order, after the
 * cursor's row, of participants `actor` may read (visibleToSql: a page is full of visible rows),
 * a linked person once (queue-people.ts).
 */
export async function queuePage(
  pool: Pool,
  queue: HousingQueue,
  actor: Actor,
  now: Date,
  options: { limit: number; after?: { keys: unknown[]; id: string } },
): Promise<EntryRow[]> {
  const params: unknown[] = [queue.id];
  const bind = binder(params);
  const visible = visibleToSql(sharingFactsColumns('sf'), actor, now, bind);
  const after = options.after
    ? `AND ${afterSql(queue.ordering, options.after.keys, options.after.id, bind)}`
    : '';
  const keys = SORT_KEY_SQL(queue.ordering).join(', ');
  const order = orderBySql(queue.ordering);
  const limit = bind(options.limit);
  // the unlinked records' entries by the queue's index, as ever; the few of linked records beside
  // The planner's estimate of the recursive walk over links is far above what it costs (tens of
  // rows, not millions), and above jit_above_cost the JIT compiler spent 1.5 s on a 10 ms page.
  const { rows } = await withTransaction(pool, async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<EntryRow>(
      `${linkedPersonEntriesSql(actor, now, bind)}
     SELECT ${entryColumns}, json_build_array(${keys}) AS "sortKeys" FROM (
       (SELECT ${queueEntryColumns('e')}
        FROM queue_entries e JOIN sharing_facts sf ON sf.participant_id = e.participant_id
        WHERE e.queue_id = $1 AND e.status IN ('waiting', 'referred') AND ${visible} ${after}
          AND ${unlinked('e')}
        ORDER BY ${order} LIMIT ${limit})
       UNION ALL
       (SELECT ${queueEntryColumns('e')}
        FROM person_entries e JOIN sharing_facts sf ON sf.participant_id = e.participant_id
        WHERE ${visible} ${after})
     ) e
     ORDER BY ${order}
     LIMIT ${limit}`,
      params,
    );
  });
  return rows;
}
