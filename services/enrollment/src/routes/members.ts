import { z } from 'zod';
import { actorOf, type Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { EnrollmentMemberAdded, EnrollmentMemberRemoved } from '@hearth/events';
import { conflict, defineRoute, notFound, unprocessable, uuid, type Api } from '@hearth/http';
import { enrollmentFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { checkMember } from '../enrolling';
import { enrollmentView } from '../enrollment-view';
import { announce } from '../events/enrollments';
import { announceUpdated } from '../use-cases/change-status';
import { findEnrollment, updateEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { addMember, currentMembers, removeMember } from '../store/members';
import { findProgram } from '../store/programs';
import { enrollmentView as viewSchema, memberRequest } from './schemas';

const memberParams = z.strictObject({ id: uuid(), participantId: uuid() });

/** Members join or leave an open enrollment only; an exited record's household is history. */
function mustBeOpen(e: EnrollmentRecord) {
  if (e.exitDate)
    throw conflict(
      `The enrollment was exited on ${e.exitDate}; its members can no longer change.`,
      [{ field: 'exitDate', message: 'The enrollment is exited' }],
    );
}

async function mustNotBeMember(db: Queryable, enrollmentId: string, participantId: string) {
  if ((await currentMembers(db, enrollmentId)).some((m) => m.participantId === participantId))
    throw conflict('This participant is already a member.', [
      { field: 'participantId', message: 'Already a member' },
    ]);
}

/** The enrollment's version moves on, and the member event and the update go out with it. */
async function membershipChanged(
  tx: Queryable,
  event: typeof EnrollmentMemberAdded | typeof EnrollmentMemberRemoved,
  current: EnrollmentRecord,
  actor: Actor,
  member: { participantId: string; overrideReason: string | null },
) {
  const changed = await updateEnrollment(tx, current.id, {});
  await announce(tx, event, changed, authorOf(actor), {
    enrollmentId: changed.id,
    headParticipantId: changed.headParticipantId,
    participantId: member.participantId,
    overrideReason: member.overrideReason,
  });
  await announceUpdated(tx, changed, authorOf(actor));
  return changed;
}

export function memberRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/members',
    summary: "Add a member of the head's family; an ineligible one needs an override reason",
    tag: 'enrollments',
    params: z.strictObject({ id: uuid() }),
    body: memberRequest,
    success: { status: 201, schema: viewSchema },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      mustBeOpen(enrollment);
      await mustNotBeMember(deps.pool, enrollment.id, body.participantId);
      const program = (await findProgram(deps.pool, enrollment.programId))!;
      const member = await checkMember(deps.pool, actor, { ...enrollment, program }, body, '', now);
      const updated = await withTransaction(deps.pool, async (tx) => {
        const current = (await findEnrollment(tx, params.id, { lock: true }))!;
        mustBeOpen(current);
        await mustNotBeMember(tx, current.id, member.participantId); // again, under the lock
        await addMember(tx, {
          enrollmentId: current.id,
          isHead: false,
          ...member,
          addedByUserId: actor.userId,
        });
        return membershipChanged(tx, EnrollmentMemberAdded, current, actor, member);
      });
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/enrollments/:id/members/:participantId',
    summary: 'Remove a member (not the head); the membership stays in the history',
    tag: 'enrollments',
    params: memberParams,
    success: { status: 200, schema: viewSchema },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      if (params.participantId === enrollment.headParticipantId)
        throw unprocessable(
          'The head of enrollment cannot be removed; exit the enrollment instead.',
          [{ field: 'participantId', message: 'Is the head of enrollment' }],
        );
      const updated = await withTransaction(deps.pool, async (tx) => {
        const current = (await findEnrollment(tx, params.id, { lock: true }))!;
        mustBeOpen(current);
        const member = (await currentMembers(tx, current.id)).find(
          (m) => m.participantId === params.participantId,
        );
        if (!member || !(await removeMember(tx, current.id, params.participantId, actor.userId)))
          throw notFound('The member');
        return membershipChanged(tx, EnrollmentMemberRemoved, current, actor, member);
      });
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
