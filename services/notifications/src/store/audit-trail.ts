import type { Queryable } from '@hearth/db';
import type { Envelope, ParticipantAccessed } from '@hearth/events';
import type { z } from 'zod';

type Accessed = z.infer<typeof ParticipantAccessed.data>;

/** One gate decision into the trail; a redelivery (same event id) adds nothing. */
export async function appendAccess(tx: Queryable, event: Envelope<Accessed>, now: Date) {
  const d = event.data;
  await tx.query(
    `INSERT INTO audit_trail (event_id, participant_id, user_id, org_id, action, allowed, reason,
       what, request_id, at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (event_id, participant_id) DO NOTHING`,
    [
      event.id,
      d.participantId,
      d.userId,
      d.orgId,
      d.action,
      d.allowed,
      d.reason,
      d.what,
      event.requestId ?? null,
      d.at,
      now,
    ],
  );
}

/** A decision about records themselves (a link, its undo, a dismissal): one row per record. */
export interface RecordDecision {
  participantIds: readonly string[];
  userId: string;
  reason: string;
  what: string;
  at: string;
}

/** A decision about records into each record's trail; a redelivery adds nothing. */
export async function appendRecordDecision(
  tx: Queryable,
  event: Envelope,
  decision: RecordDecision,
  now: Date,
) {
  await tx.query(
    `INSERT INTO audit_trail (event_id, participant_id, user_id, org_id, action, allowed, reason,
       what, request_id, at, received_at)
     SELECT $1, p, $3, $4, 'write', true, $5, $6, $7, $8, $9 FROM unnest($2::uuid[]) AS p
     ON CONFLICT (event_id, participant_id) DO NOTHING`,
    [
      event.id,
      decision.participantIds,
      decision.userId,
      event.orgId,
      decision.reason,
      decision.what,
      event.requestId ?? null,
      decision.at,
      now,
    ],
  );
}

export interface AuditEntry {
  id: string;
  participantId: string;
  userId: string;
  orgId: string;
  action: 'read' | 'write' | 'delete';
  allowed: boolean;
  reason: string;
  what: string;
  requestId: string | null;
  at: string;
}

const utc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The trail of a person's records (`participantIds`, the asked record first), newest first
 * (`limit + 1` asked by the caller). A decision about two of them (a link, its undo) is one entry,
 * shown under the asked record, so the page's position (at, id) stays unique.
 */
export async function trailOf(
  db: Queryable,
  participantIds: readonly string[],
  after: { at: string; id: string } | undefined,
  limit: number,
): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `SELECT DISTINCT ON (a.at, a.event_id) a.event_id AS id, a.participant_id AS "participantId",
       a.user_id AS "userId", a.org_id AS "orgId", a.action, a.allowed, a.reason, a.what,
       a.request_id AS "requestId", ${utc('a.at')} AS at
     FROM audit_trail a WHERE a.participant_id = ANY($1::uuid[])
       AND ($2::timestamptz IS NULL OR (a.at, a.event_id) < ($2::timestamptz, $3::uuid))
     ORDER BY a.at DESC, a.event_id DESC, a.participant_id = $1[1] DESC LIMIT $4`,
    [participantIds, after?.at ?? null, after?.id ?? null, limit],
  );
  return rows;
}

/**
 * Who has seen the records of a person (`participantIds`): each user of each organization whose
 * reads were allowed, counted across the records.
 */
export async function viewersOf(db: Queryable, participantIds: readonly string[]) {
  const { rows } = await db.query<{
    userId: string;
    orgId: string;
    reads: number;
    firstSeenAt: string;
    lastSeenAt: string;
  }>(
    `SELECT user_id AS "userId", org_id AS "orgId", count(*)::int AS reads,
       ${utc('min(at)')} AS "firstSeenAt", ${utc('max(at)')} AS "lastSeenAt"
     FROM audit_trail WHERE participant_id = ANY($1::uuid[]) AND allowed AND action = 'read'
     GROUP BY user_id, org_id ORDER BY max(at) DESC, user_id LIMIT 1000`,
    [participantIds],
  );
  return rows;
}
