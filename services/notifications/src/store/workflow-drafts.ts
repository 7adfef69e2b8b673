import type { Queryable } from '@hearth/db';

export interface DraftFacts {
  workflowId: string;
  orgId: string;
  ownerUserId: string;
  workflowType: string;
  status: string;
  draftVersion: number;
  changedAt: string;
  /** the event that paused it, when this fact is a pause */
  pauseEventId: string | null;
}

/** Keeps a draft's newest state: an older version arriving late changes nothing. */
export async function keepDraftFacts(tx: Queryable, f: DraftFacts): Promise<void> {
  await tx.query(
    `INSERT INTO workflow_drafts_seen (workflow_id, org_id, owner_user_id, workflow_type, status,
       draft_version, changed_at, pause_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workflow_id) DO UPDATE SET status = EXCLUDED.status,
       draft_version = EXCLUDED.draft_version, changed_at = EXCLUDED.changed_at,
       pause_event_id = EXCLUDED.pause_event_id
     WHERE workflow_drafts_seen.draft_version < EXCLUDED.draft_version`,
    [
      f.workflowId,
      f.orgId,
      f.ownerUserId,
      f.workflowType,
      f.status,
      f.draftVersion,
      f.changedAt,
      f.pauseEventId,
    ],
  );
}

export interface StalePause {
  workflowId: string;
  orgId: string;
  ownerUserId: string;
  workflowType: string;
  pauseEventId: string;
}

/** The drafts still paused since `before` or earlier (nothing can be saved into a paused draft). */
export async function pausedSince(db: Queryable, before: Date): Promise<StalePause[]> {
  const { rows } = await db.query<StalePause>(
    `SELECT workflow_id AS "workflowId", org_id AS "orgId", owner_user_id AS "ownerUserId",
       workflow_type AS "workflowType", pause_event_id AS "pauseEventId"
     FROM workflow_drafts_seen
     WHERE status = 'paused' AND pause_event_id IS NOT NULL AND changed_at <= $1`,
    [before],
  );
  return rows;
}
