import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { withTransaction, type Pool } from '@hearth/db';
import { Problem, defineRoute, idParams, notFound, page, type Api } from '@hearth/http';
import { WHAT, answer, conflictWith, ownerOf, whyNot } from './answers';
import { recordDraftMove } from './events';
import { finishRoute } from './finish';
import { participantsNamed, typeRegistry, validateStep, type WorkflowType } from './registry';
import {
  ifMatchVersion,
  listQuery,
  startBody,
  stepBody,
  stepParams,
  workflowSummary,
  workflowView,
} from './schemas';
import {
  findDraft,
  insertDraft,
  listDrafts,
  moveDraft,
  saveStep,
  type WorkflowView,
} from './store';
import {
  openStatuses,
  stepSaveRefusal,
  transition,
  transitions,
  workflowActions,
} from './transitions';

const tag = 'workflows';

/**
 * The paused-workflow mechanism for the workflow types a service offers: each type under
 * /workflows/{type}/… (the gateway routes on the type, ARCHITECTURE.md), and GET /workflows, this
 * service's part of the user's Paused Workflows (the gateway composes every owner's).
 * `participantVisible` guards every participant a draft names, at its top and inside its steps'
 * data: it throws (a 404, as the service's access rules answer) when the caller may not see that
 * participant, so a draft cannot point at someone hidden from its author. A draft is re-checked
 * each time it is answered: its author may have lost access to someone since saving it.
 */
export function workflowRoutes(
  api: Api,
  db: Pool,
  options: {
    types: readonly WorkflowType[];
    participantVisible: (req: Request, participantId: string) => Promise<void>;
  },
) {
  const registry = typeRegistry(options.types);
  const typeNames = [...registry.keys()] as [string, ...string[]];
  const checkAll = async (req: Request, ids: string[]) => {
    for (const id of ids) await options.participantVisible(req, id);
  };
  const stillVisible = async (req: Request, ids: string[]) => {
    try {
      await checkAll(req, ids);
      return true;
    } catch (err) {
      if (err instanceof Problem && err.status === 404) return false;
      throw err;
    }
  };
  /** The draft, if its author may still see everyone it names; else absent to them (404). */
  const answerChecked = async (req: Request, res: Response, draft: WorkflowView) => {
    if (!(await stillVisible(req, participantsNamed(registry.get(draft.type), draft))))
      throw notFound(WHAT);
    return answer(res, draft);
  };

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/workflows',
    summary: `The caller's own open workflows of ${typeNames.join(', ')}, newest first`,
    tag,
    query: listQuery(typeNames),
    success: { status: 200, schema: page(workflowSummary) },
    handler: async ({ query, req }) => {
      const { status, ...rest } = query;
      const page = await listDrafts(db, ownerOf(req), {
        statuses: status ? [status] : openStatuses,
        ...rest,
      });
      // every item passes the gate of the participant it names, as the draft itself would
      const items = [];
      for (const item of page.items)
        if (!item.participantId || (await stillVisible(req, [item.participantId])))
          items.push(item);
      return { ...page, items };
    },
  });

  for (const type of registry.values()) {
    const base = `/workflows/${type.type}`;
    /** The caller's draft of this type; one of another type is not here (404). */
    const draftOf = async (req: Request, id: string) => {
      const draft = await findDraft(db, ownerOf(req), id);
      if (!draft || draft.type !== type.type) throw notFound(WHAT);
      return draft;
    };

    defineRoute(api.router, api.registry, {
      method: 'post',
      path: base,
      summary: `Start a ${type.type} workflow; its steps (${Object.keys(type.steps).join(', ')}) are then saved one by one`,
      tag,
      body: startBody,
      success: { status: 201, schema: workflowView },
      handler: async ({ body, req, res }) => {
        if (body.participantId) await options.participantVisible(req, body.participantId);
        const draft = await insertDraft(db, ownerOf(req), {
          id: randomUUID(),
          type: type.type,
          ...body,
        });
        res.setHeader('Location', `${req.baseUrl}${base}/${draft.id}`);
        return answer(res, draft);
      },
    });

    defineRoute(api.router, api.registry, {
      method: 'get',
      path: `${base}/:id`,
      summary: `One of the caller’s ${type.type} workflows with the data of its saved steps`,
      tag,
      params: idParams,
      success: { status: 200, schema: workflowView },
      handler: async ({ params, req, res }) =>
        answerChecked(req, res, await draftOf(req, params.id)),
    });

    defineRoute(api.router, api.registry, {
      method: 'put',
      path: `${base}/:id/steps/:step`,
      summary: `Save one step of a ${type.type} workflow (validated by its schema) while it is in progress`,
      tag,
      params: stepParams,
      body: stepBody,
      success: { status: 200, schema: workflowView },
      problems: [412], // a stale If-Match
      handler: async ({ params, body, req, res }) => {
        const owner = ownerOf(req);
        const ifMatch = ifMatchVersion(req);
        const draft = await draftOf(req, params.id);
        const refusal = stepSaveRefusal(draft.status);
        if (refusal) throw conflictWith(refusal, draft.status);
        const data = validateStep(type, params.step, body.data);
        // everyone the draft will name once this step is in, the steps saved before included
        const named = participantsNamed(type, {
          participantId: body.participantId ?? draft.participantId,
          steps: { ...draft.steps, [params.step]: data },
        });
        await checkAll(req, named);
        const saved = await saveStep(db, owner, params.id, {
          ...body,
          step: params.step,
          data,
          ifMatch,
        });
        if (!saved) throw await whyNot(db, owner, params.id, ifMatch, stepSaveRefusal);
        return answer(res, saved);
      },
    });

    for (const action of workflowActions) {
      if (action === 'finish') {
        finishRoute(api, db, { type, base, visible: (req, ids) => stillVisible(req, ids) });
        continue;
      }
      const rule = transitions[action];
      defineRoute(api.router, api.registry, {
        method: 'post',
        path: `${base}/:id/${action}`,
        summary: `${action[0].toUpperCase()}${action.slice(1)} the ${type.type} workflow (from ${rule.from.join(' or ')} to ${rule.to})${action === 'cancel' ? '; its saved steps are discarded' : ''}`,
        tag,
        params: idParams,
        success: { status: 200, schema: workflowView },
        problems: [412], // a stale If-Match
        handler: async ({ params, req, res }) => {
          const owner = ownerOf(req);
          const ifMatch = ifMatchVersion(req);
          await draftOf(req, params.id);
          const moved = await withTransaction(db, async (tx) => {
            const done = await moveDraft(tx, owner, params.id, {
              ...rule,
              discard: action === 'cancel', // cancelling discards the progress, not just hides it
              ifMatch,
            });
            if (done) await recordDraftMove(tx, req, owner, action, done);
            return done;
          });
          if (moved) return answerChecked(req, res, moved);
          throw await whyNot(db, owner, params.id, ifMatch, (status) => {
            const outcome = transition(status, action);
            return outcome.ok ? undefined : outcome.reason;
          });
        },
      });
    }
  }
}
