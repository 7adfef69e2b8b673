import type { Queryable } from '@hearth/db';
import { cursorCodec, uuid } from '@hearth/http';
import { z } from 'zod';
import type { WorkflowStatus } from './transitions';

/** Drafts are private to the user who started them, in the organization they were started in. */
export interface Owner {
  userId: string;
  orgId: string;
}

export interface WorkflowView {
  id: string;
  type: string;
  status: WorkflowStatus;
  participantId: string | null;
  title: string | null;
  currentStep: string | null;
  steps: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type WorkflowSummary = Omit<WorkflowView, 'steps'> & {
  savedSteps: string[];
  cursor: string;
};

const META = `id, type, status, participant_id, title, current_step, version, created_at, updated_at`;
const FULL = `${META}, steps`;
// Every statement is scoped to the owner, so someone else's draft is simply not there (404).
const MINE = 'id = $1 AND owner_user_id = $2 AND org_id = $3';

const toMeta = (r: Record<string, unknown>) => ({
  id: r.id as string,
  type: r.type as string,
  status: r.status as WorkflowStatus,
  participantId: (r.participant_id as string | null) ?? null,
  title: (r.title as string | null) ?? null,
  currentStep: (r.current_step as string | null) ?? null,
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});
const toView = (r: Record<string, unknown>): WorkflowView => ({
  ...toMeta(r),
  steps: r.steps as Record<string, unknown>,
});

export async function insertDraft(
  db: Queryable,
  owner: Owner,
  d: { id: string; type: string; participantId?: string; title?: string },
): Promise<WorkflowView> {
  const { rows } = await db.query(
    `INSERT INTO workflow_drafts (id, type, owner_user_id, org_id, participant_id, title)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${FULL}`,
    [d.id, d.type, owner.userId, owner.orgId, d.participantId ?? null, d.title ?? null],
  );
  return toView(rows[0]);
}

export async function findDraft(
  db: Queryable,
  owner: Owner,
  id: string,
): Promise<WorkflowView | undefined> {
  const { rows } = await db.query(`SELECT ${FULL} FROM workflow_drafts WHERE ${MINE}`, [
    id,
    owner.userId,
    owner.orgId,
  ]);
  return rows[0] && toView(rows[0]);
}

/** The draft, its row locked until the transaction ends: two finishes of one draft run one by one. */
export async function lockDraft(
  db: Queryable,
  owner: Owner,
  id: string,
): Promise<WorkflowView | undefined> {
  const { rows } = await db.query(`SELECT ${FULL} FROM workflow_drafts WHERE ${MINE} FOR UPDATE`, [
    id,
    owner.userId,
    owner.orgId,
  ]);
  return rows[0] && toView(rows[0]);
}

/** Merge one step into the draft in one statement; undefined when it is no longer writable. */
export async function saveStep(
  db: Queryable,
  owner: Owner,
  id: string,
  s: { step: string; data: unknown; title?: string; participantId?: string; ifMatch?: number },
): Promise<WorkflowView | undefined> {
  // `steps || {step: data}` replaces only this step, so two tabs saving different steps both keep
  // theirs; If-Match is how a client insists that nothing at all changed since it read the draft.
  const { rows } = await db.query(
    `UPDATE workflow_drafts SET steps = steps || jsonb_build_object($4::text, $5::jsonb),
       current_step = $4, title = coalesce($6, title), participant_id = coalesce($7, participant_id),
       version = version + 1, updated_at = now()
     WHERE ${MINE} AND status = 'in_progress' AND ($8::int IS NULL OR version = $8)
     RETURNING ${FULL}`,
    [
      id,
      owner.userId,
      owner.orgId,
      s.step,
      JSON.stringify(s.data), // explicit: pg would turn a JS array into a Postgres array literal
      s.title ?? null,
      s.participantId ?? null,
      s.ifMatch ?? null,
    ],
  );
  return rows[0] && toView(rows[0]);
}

/** Move the draft from one of `from` to `to` in one statement; undefined when it was not in `from`. */
export async function moveDraft(
  db: Queryable,
  owner: Owner,
  id: string,
  m: { from: readonly WorkflowStatus[]; to: WorkflowStatus; discard: boolean; ifMatch?: number },
): Promise<WorkflowView | undefined> {
  const { rows } = await db.query(
    `UPDATE workflow_drafts SET status = $4, version = version + 1, updated_at = now(),
       steps = CASE WHEN $5 THEN '{}'::jsonb ELSE steps END,
       current_step = CASE WHEN $5 THEN NULL ELSE current_step END
     WHERE ${MINE} AND status = ANY($6::text[]) AND ($7::int IS NULL OR version = $7)
     RETURNING ${FULL}`,
    [id, owner.userId, owner.orgId, m.to, m.discard, m.from, m.ifMatch ?? null],
  );
  return rows[0] && toView(rows[0]);
}

/** The last draft of a page: updated_at as Postgres prints it (microseconds kept), and its id. */
const cursor = cursorCodec(
  z.strictObject({
    t: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/),
    id: uuid(),
  }),
);

/** The owner's drafts, newest first, keyset-paged on (updated_at, id). */
export async function listDrafts(
  db: Queryable,
  owner: Owner,
  q: { statuses: readonly WorkflowStatus[]; type?: string; limit: number; cursor?: string },
): Promise<{ items: WorkflowSummary[]; nextCursor: string | null }> {
  const after = cursor.decode(q.cursor);
  // updated_at::text keeps microseconds, which a JS Date would round away and so skip rows.
  const { rows } = await db.query(
    `SELECT ${META}, updated_at::text AS updated_key,
       ARRAY(SELECT jsonb_object_keys(steps)) AS saved_steps
     FROM workflow_drafts
     WHERE owner_user_id = $1 AND org_id = $2 AND status = ANY($3::text[])
       AND ($4::text IS NULL OR type = $4)
       AND ($5::timestamptz IS NULL OR (updated_at, id) < ($5::timestamptz, $6::uuid))
     ORDER BY updated_at DESC, id DESC LIMIT $7`,
    [owner.userId, owner.orgId, q.statuses, q.type ?? null, after?.t, after?.id, q.limit + 1],
  );
  const { items, nextCursor } = cursor.page(rows, q.limit, (r) => ({ t: r.updated_key, id: r.id }));
  return {
    // each item's own cursor: the gateway's list composed of several owners resumes each owner
    // after the last of its items it showed, wherever that fell in the merged page
    items: items.map((r) => ({
      ...toMeta(r),
      savedSteps: r.saved_steps as string[],
      cursor: cursor.encode({ t: r.updated_key, id: r.id }),
    })),
    nextCursor,
  };
}
