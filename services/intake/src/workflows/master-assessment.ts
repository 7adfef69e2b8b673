import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { unprocessable, uuid } from '@hearth/http';
import { elementsDraft, freeTextAnswers } from '@hearth/hmis-elements';
import type { FinishWorkflow } from '@hearth/workflows';
import { participantFor } from '../access';
import type { ReadDeps } from '../deps';
import {
  completedAssessment,
  masterAssessmentProblems,
  type MasterAssessmentDraft,
} from '../domain/master-assessment';
import { announceMasterAssessment } from '../events/master-assessments';

/**
 * The master assessment (the guide: "when you intake a client you have to do a master
 * assessment"): each enrolled member's HUD project-start answers, each answer in HUD's lists as
 * it is saved. Enrollment records them when the workflow is finished, dated the entry (HUD:
 * a project-start assessment's information date is the project start), so no date is asked.
 * Free text stays out: events carry coded answers only, location details are added in
 * enrollment afterwards.
 */
export const masterAssessmentStep = z
  .strictObject({
    enrollmentId: uuid()
      .optional()
      .describe('The enrollment its members were enrolled in (the eligibility_enrollment step)'),
    restriction: z
      .enum(['org', 'mou'])
      .optional()
      .describe('Who reads the assessments: org (the default) or also released organizations'),
    members: z.array(z.strictObject({ participantId: uuid(), elements: elementsDraft })).max(20),
  })
  .superRefine((step, ctx) => {
    for (const [i, member] of step.members.entries())
      for (const path of freeTextAnswers(member.elements))
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'elements', ...path.split('.')],
          message: 'Free text is added in enrollment after the intake; answer the codes here',
        });
  });

const STEP = 'assessment';

/**
 * Finishing an intake with an assessment step: its answers judged whole (422 on the step's
 * fields), each member gated for writing, then intake.master-assessment.completed in the
 * finishing transaction; enrollment's consumer records the project-start assessments. No
 * synchronous call: an enrollment outage delays the record, never the intake.
 */
export const finishMasterAssessment =
  (deps: ReadDeps): FinishWorkflow =>
  async ({ req, draft }) => {
    const step = draft.steps[STEP] as MasterAssessmentDraft | undefined;
    if (!step) return async () => undefined;
    const problems = masterAssessmentProblems(step);
    if (problems.length)
      throw unprocessable(
        'The workflow cannot be finished: the master assessment is incomplete.',
        problems.map((p) => ({ ...p, field: `${STEP}.${p.field}` })),
      );
    const actor = actorOf(req);
    for (const m of step.members) await participantFor(deps, actor, m.participantId, 'write');
    const assessment = completedAssessment(step);
    return async (tx) => {
      await announceMasterAssessment(tx, actor, draft.id, assessment);
      return {
        masterAssessment: {
          enrollmentId: assessment.enrollmentId,
          participantIds: assessment.members.map((m) => m.participantId),
        },
      };
    };
  };
