import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { isoDate, uuid } from '@hearth/http';
import { defineWorkflowType } from '@hearth/workflows';
import type { FsspDeps } from '../deps';
import { createPlanBody, exclusion } from '../domain/plan';
import { participantFor } from '../routes/participant-gate';
import { createPlan } from '../use-cases/create-plan';
import { bodyFromSteps, onSteps } from './step-fields';

const stepOf = {
  headParticipantId: 'head',
  assessmentDate: 'assessment',
  enrollmentId: 'assessment',
  exclusions: 'members',
};

/**
 * Creating an FSSP in steps (WRPD manual: "pause the FSSP workflow, add the enrollment, resume").
 * A draft is work in progress, so the assessment's fields may wait; finishing runs the very use
 * case of POST /fssps on the steps, so a workflow and a direct request follow one rule set.
 */
export const fsspCreation = (deps: FsspDeps) =>
  defineWorkflowType({
    type: 'fssp-creation',
    steps: {
      head: z.strictObject({ headParticipantId: uuid() }),
      assessment: z.strictObject({
        assessmentDate: isoDate().optional(),
        enrollmentId: uuid().optional(),
      }),
      members: z.strictObject({ exclusions: z.array(exclusion).max(50) }),
    },
    participantIds: {
      head: (d) => [d.headParticipantId],
      members: (d) => d.exclusions.map((x) => x.participantId),
    },
    finish: async ({ req, draft }) => {
      const steps = draft.steps as Record<string, Record<string, unknown> | undefined>;
      const body = bodyFromSteps(
        createPlanBody,
        { ...steps.head, ...steps.assessment, ...steps.members },
        stepOf,
      );
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, body.headParticipantId, 'write', deps.clock());
      return (tx) => createPlan(tx, deps, actor, body).catch(onSteps(stepOf));
    },
  });
