import type { Request } from 'express';
import { withTransaction, type Pool } from '@hearth/db';
import { defineRoute, idParams, notFound, type Api } from '@hearth/http';
import { WHAT, answer, conflictWith, ownerOf, whyNot } from './answers';
import { participantsNamed, validateStep, type WorkflowType } from './registry';
import { finishedView, ifMatchVersion } from './schemas';
import { lockDraft, moveDraft } from './store';
import { transition, transitions } from './transitions';

/**
 * POST {base}/:id/finish: the type's own use case runs on the saved steps (its rules, its
 * transaction), then the draft is finished. The draft's row stays locked meanwhile, so a second
 * finish of the same draft waits and then finds it finished (409): the use case runs once. When
 * the use case refuses, the draft stays in progress and nothing is written.
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
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: `${o.base}/:id/finish`,
    summary: `Finish the ${o.type.type} workflow (from in_progress to finished)${o.type.finish ? ': its saved steps are checked by the same rules as a direct request and make the record (`result`)' : ''}`,
    tag: 'workflows',
    params: idParams,
    success: { status: 200, schema: finishedView },
    handler: async ({ params, req, res }) => {
      const owner = ownerOf(req);
      const ifMatch = ifMatchVersion(req);
      const done = await withTransaction(db, async (tx) => {
        const draft = await lockDraft(tx, owner, params.id);
        if (!draft || draft.type !== o.type.type) throw notFound(WHAT);
        if (!(await o.visible(req, participantsNamed(o.type, draft)))) throw notFound(WHAT);
        const outcome = transition(draft.status, 'finish');
        if (!outcome.ok) throw conflictWith(outcome.reason, draft.status);
        if (ifMatch !== undefined && draft.version !== ifMatch)
          throw await whyNot(tx, owner, params.id, ifMatch, () => undefined);
        // each saved step again, as its schema reads today (a type may have tightened it)
        for (const [step, data] of Object.entries(draft.steps)) validateStep(o.type, step, data);
        const result = o.type.finish ? await o.type.finish({ req, draft }) : undefined;
        const moved = await moveDraft(tx, owner, params.id, { ...rule, discard: false });
        return { ...moved!, ...(result === undefined ? {} : { result }) };
      });
      return answer(res, done);
    },
  });
}
