import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { isoDate, uuid } from '@hearth/http';
import { defineWorkflowType } from '@hearth/workflows';
import type { FsspDeps } from '../deps';
import { recordFollowUpBody } from '../domain/follow-up';
import { planFor } from '../routes/plan-gate';
import { recordFollowUp } from '../use-cases/record-follow-up';
import { bodyFromSteps, onSteps } from './step-fields';

const stepOf = {
  planId: 'plan',
  type: 'assessment',
  assessmentDate: 'assessment',
  scores: 'scores',
};

/**
 * A 6-month, 12-month or other revision in steps: the plan, the assessment, the goals re-scored.
 * Finishing runs the use case of POST /fssps/{id}/follow-ups behind the same plan gate.
 */
export const fsspFollowUp = (deps: FsspDeps) =>
  defineWorkflowType({
    type: 'fssp-follow-up',
    steps: {
      plan: z.strictObject({ planId: uuid() }),
      assessment: z.strictObject({
        type: recordFollowUpBody.shape.type.optional(),
        assessmentDate: isoDate().optional(),
      }),
      scores: z.strictObject({ scores: recordFollowUpBody.shape.scores }),
    },
    finish: async ({ req, draft }) => {
      const steps = draft.steps as Record<string, Record<string, unknown> | undefined>;
      const { planId, ...body } = bodyFromSteps(
        recordFollowUpBody.extend({ planId: uuid() }),
        { ...steps.plan, ...steps.assessment, ...steps.scores },
        stepOf,
      );
      const actor = actorOf(req);
      await planFor(deps.pool, actor, planId, 'write', deps.clock());
      return (tx) => recordFollowUp(tx, deps, actor, planId, body).catch(onSteps(stepOf));
    },
  });
