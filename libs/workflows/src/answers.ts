import type { Response } from 'express';
import { actorOf } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { Problem, notFound } from '@hearth/http';
import { findDraft, type Owner, type WorkflowView } from './store';
import type { WorkflowStatus } from './transitions';

export const WHAT = 'The workflow';

/** Drafts belong to the user who started them, in the organization they were started in. */
export const ownerOf = (req: Parameters<typeof actorOf>[0]): Owner => {
  const actor = actorOf(req);
  return { userId: actor.userId, orgId: actor.orgId };
};

export const conflictWith = (detail: string, currentStatus: WorkflowStatus) =>
  new Problem(409, 'Conflict', detail, undefined, { currentStatus });

/** The draft as answered: its version doubles as the ETag a client may send back as If-Match. */
export function answer(res: Response, draft: WorkflowView): WorkflowView {
  res.setHeader('ETag', `"${draft.version}"`);
  return draft;
}

/**
 * A conditional write matched no row: say why, from what is there now. Someone else's draft is
 * absent to this user (404, never 403); a stale If-Match is 412; a refused status is 409.
 */
export async function whyNot(
  db: Queryable,
  owner: Owner,
  id: string,
  ifMatch: number | undefined,
  refusal: (status: WorkflowStatus) => string | undefined,
): Promise<Problem> {
  const current = await findDraft(db, owner, id);
  if (!current) return notFound(WHAT);
  if (ifMatch !== undefined && current.version !== ifMatch) {
    return new Problem(
      412,
      'Precondition Failed',
      `The workflow changed since you read it (now version ${current.version}); reload it.`,
      [{ field: 'If-Match', message: `Expected "${current.version}"` }],
      { currentVersion: current.version },
    );
  }
  const reason = refusal(current.status);
  return conflictWith(reason ?? 'The workflow changed meanwhile; try again.', current.status);
}
