import { randomUUID } from 'node:crypto';
import { allowedParticipants } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { FsspPlanCreated } from '@hearth/events';
import { conflict, onUniqueViolation, unprocessable } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import type { FsspDeps } from '../deps';
import { followUpDates, planMembers, type CreatePlanBody } from '../domain/plan';
import { liveCaseNotes } from '../store/case-notes';
import { activeEnrollmentsOf, isOnEnrollment } from '../store/enrollments';
import { currentFamily } from '../store/households';
import { linkedRecordsOnOpenPlans } from '../store/person-plans';
import { findPlan, insertPlan, type Plan } from '../store/plans';
import { announcePlan } from './plan-events';

const secondOpenPlan = conflict(
  'The family or one of its members already has an open FSSP: close it or update it instead.',
  [{ field: 'headParticipantId', message: 'Already on an open FSSP' }],
);

/**
 * Create a family's plan from its head of household (the route has passed the gate for writing):
 * members, their enrollments and the follow-up dates by the rules, then the plan and
 * `fssp.plan.created` in the caller's transaction `tx` (the route's, with its Idempotency-Key, or
 * a finished workflow's). "One open plan" is held by the database's indexes; the pool is only for
 * auditing denied relatives after the answer.
 */
export async function createPlan(
  tx: Queryable,
  deps: Pick<FsspDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  body: CreatePlanBody,
): Promise<Plan> {
  const id = randomUUID();
  const head = body.headParticipantId;
  const family = await currentFamily(tx, head);
  if (family && family.headParticipantId !== head)
    throw unprocessable('An FSSP is created from the head of household.', [
      { field: 'headParticipantId', message: 'Not the head of their current family' },
    ]);
  if (!(await isOnEnrollment(tx, body.enrollmentId, actor.orgId, head)))
    throw unprocessable('The head of household needs an enrollment (any program) first.', [
      { field: 'enrollmentId', message: 'Not an enrollment of the head at your organization' },
    ]);
  // A relative the actor may not write for is no member of this organization's plan: a plan
  // member is a record about them, and would show them to an agency their sharing keeps out
  // (the denial is audited; an exclusion naming them reads as naming a stranger).
  const others = family?.others ?? [];
  const mayWrite = allowedParticipants(
    deps.pool,
    actor,
    await sharingOf(tx, others),
    'write',
    deps.clock(),
    deps.logger,
  );
  const relatives = others.filter((p) => mayWrite.has(p));
  const named = body.exclusions.flatMap((x) =>
    x.caseNoteId ? [{ participantId: x.participantId, noteId: x.caseNoteId }] : [],
  );
  const made = planMembers(body, {
    today: await organizationToday(tx, actor.orgId, deps.clock),
    relatives,
    ownEnrollments: await activeEnrollmentsOf(tx, actor.orgId, relatives),
    liveNotes: await liveCaseNotes(tx, actor.orgId, named),
  });
  if ('problems' in made) throw unprocessable('The FSSP breaks a rule.', made.problems);
  const plan = {
    id,
    orgId: actor.orgId,
    familyId: family?.familyId ?? null,
    headParticipantId: head,
    enrollmentId: body.enrollmentId,
    assessmentDate: body.assessmentDate,
    assessmentType: 'initial' as const,
    ...followUpDates(body.assessmentDate),
    createdBy: actor.userId,
    members: made.members,
  };
  const included = made.members.filter((m) => m.included).map((m) => m.participantId);
  if ((await linkedRecordsOnOpenPlans(tx, included)).length) throw secondOpenPlan;
  await insertPlan(tx, plan).catch(onUniqueViolation(secondOpenPlan));
  const created = (await findPlan(tx, id))!;
  await announcePlan(tx, FsspPlanCreated, actor, created);
  return created;
}
