import type { Request } from 'express';
import { withTransaction, type Pool } from '@hearth/db';
import { defineRoute, idParams, notFound, type Api } from '@hearth/http';
import { WHAT, answer, conflictWith, ownerOf, whyNot } from './answers';
import { recordDraftMove } from './events';
import { participantsNamed, validateStep, type WorkflowType } from './registry';
import { finishedView, ifMatchVersion } from './schemas';
import { findDraft, lockDraft, moveDraft } from './store';
import { transition, transitions } from './transitions';

/**
 * POST {base}/:id/finish: the type's own gate and use case run on the saved steps, and the use
 * case's write commits in the transaction that finishes the draft (its row locked, so a second
 * finish of the same draft waits, then finds it finished: 409). When anything refuses, the draft
 * stays in progress and nothing is written.
 */
export function finishRoute(
  api: Api,
  db: Pool,
  o: {
    type: WorkflowType;
    base: string;
    visible: (req: Request, participantIds: string[]) => Promise<boolean>;
  },
) {
  const rule = transitions.finish;
  const refusal = (status: Parameters<typeof transition>[0]) => {
    const outcome = transition(status, 'finish');
    return outcome.ok ? undefined : outcome.reason;
  };
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: `${o.base}/:id/finish`,
    summary: `Finish the ${o.type.type} workflow (from in_progress to finished)${o.type.finish ? ': its saved steps are checked by the same rules as a direct request and make the record (`result`)' : ''}`,
    tag: 'workflows',
    params: idParams,
    success: { status: 200, schema: finishedView },
    problems: [412], // a stale If-Match
    handler: async ({ params, req, res }) => {
      const owner = ownerOf(req);
      const ifMatch = ifMatchVersion(req);
      const draft = await findDraft(db, owner, params.id);
      if (!draft || draft.type !== o.type.type) throw notFound(WHAT);
      if (!(await o.visible(req, participantsNamed(o.type, draft)))) throw notFound(WHAT);
      const refused = refusal(draft.status);
      if (refused) throw conflictWith(refused, draft.status);
      if (ifMatch !== undefined && draft.version !== ifMatch)
        throw await whyNot(db, owner, params.id, ifMatch, () => undefined);
      // each saved step again, as its schema reads today (a type may have tightened it)
      for (const [step, data] of Object.entries(draft.steps)) validateStep(o.type, step, data);
      const write = o.type.finish ? await o.type.finish({ req, draft }) : undefined;
      const done = await withTransaction(db, async (tx) => {
        const now = await lockDraft(tx, owner, params.id);
        // changed since it was checked (a step saved, paused, finished by another tab): redo
        if (!now) throw notFound(WHAT);
        if (now.version !== draft.version)
          throw conflictWith(
            refusal(now.status) ?? 'The workflow changed meanwhile; finish it again.',
            now.status,
          );
        const result = write ? await write(tx) : undefined;
        const moved = await moveDraft(tx, owner, params.id, { ...rule, discard: false });
        await recordDraftMove(tx, req, owner, 'finish', moved!);
        return { ...moved!, ...(result === undefined ? {} : { result }) };
      });
      return answer(res, done);
    },
  });
}
