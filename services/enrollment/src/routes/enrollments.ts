import { randomUUID } from 'node:crypto';
import { canSeeParticipant, roleAllows } from '@hearth/access';
import { authorOf } from '@hearth/bus';
import { actorOf } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import {
  defineRoute,
  forbidden,
  idParams,
  onUniqueViolation,
  page,
  requireCurrentVersion,
  unprocessable,
  type Api,
} from '@hearth/http';
import { enrollmentFor, participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { alreadyOpen, checkNewEnrollment } from '../enrolling';
import { openEnrollment } from '../open-enrollment';
import { enrollmentView } from '../enrollment-view';
import { dateOf } from '@hearth/time';
import { applicationDateProblems } from '../domain/enrollment';
import { applyRegistrationChanges } from '../domain/registration-answers';
import { announceUpdated } from '../use-cases/change-status';
import { findEnrollment, updateEnrollment } from '../store/enrollments';
import { enrollmentsOf } from '../store/enrollment-lists';
import { findParticipants } from '../store/participant-facts';
import { findProgram } from '../store/programs';
import { moveStatusDate } from '../store/statuses';
import * as s from './schemas';

export function enrollmentRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments',
    summary: 'Enroll a head of enrollment and family members into one of your programs',
    tag: 'enrollments',
    body: s.newEnrollment,
    success: { status: 201, schema: s.enrollmentView },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      if (!roleAllows(actor, 'write')) throw forbidden('Your role cannot enroll participants.');
      const now = deps.clock();
      const { program, members } = await checkNewEnrollment(deps.pool, actor, body, now);
      // Two requests that both passed the check race to the unique index; the loser gets the same 409.
      const created = await withTransaction(deps.pool, (tx) =>
        openEnrollment(tx, { ...body, id: randomUUID(), program, members }, actor, authorOf(actor)),
      ).catch(onUniqueViolation(alreadyOpen()));
      res.location(`/api/v1/enrollments/${created.id}`);
      return enrollmentView(deps.pool, actor, created, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments',
    summary: "A participant's enrollments, current and past, at every organization sharing allows",
    tag: 'enrollments',
    query: s.enrollmentQuery,
    success: { status: 200, schema: page(s.enrollmentSummary) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await participantFor(deps.pool, actor, query.participantId, 'read', now);
      const rows = await enrollmentsOf(
        deps.pool,
        query.participantId,
        { actor, now },
        { limit: query.limit + 1, after: s.enrollmentCursor.decode(query.cursor) },
      );
      // the query selected only enrollments whose head is visible; each item still passes the
      // decision of the record it describes (its head), as every list item must
      const heads = await findParticipants(
        deps.pool,
        rows.map((e) => e.headParticipantId),
      );
      const items = rows.slice(0, query.limit).filter((e) => {
        const head = heads.get(e.headParticipantId);
        return head !== undefined && canSeeParticipant(actor, head.sharing, now).allowed;
      });
      const programs = new Map<string, string>();
      for (const e of items)
        if (!programs.has(e.programId))
          programs.set(e.programId, (await findProgram(deps.pool, e.programId))!.name);
      return {
        items: items.map(({ registration: _answers, ...e }) => ({
          ...e,
          programName: programs.get(e.programId),
          active: e.exitDate === null,
        })),
        nextCursor:
          rows.length > query.limit && items.length > 0
            ? s.enrollmentCursor.encode(s.positionOf(items[items.length - 1]))
            : null,
      };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id',
    summary:
      'An enrollment with its members, their eligibility, registration results and status history',
    tag: 'enrollments',
    params: idParams,
    success: { status: 200, schema: s.enrollmentView },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'read', now);
      return enrollmentView(deps.pool, actor, enrollment, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/enrollments/:id',
    summary: 'Change the application date or registration answers (null clears an answer)',
    tag: 'enrollments',
    params: idParams,
    body: s.enrollmentChanges,
    success: { status: 200, schema: s.enrollmentView },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { head } = await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const updated = await withTransaction(deps.pool, async (tx) => {
        const current = (await findEnrollment(tx, params.id, { lock: true }))!;
        requireCurrentVersion('enrollment', current.version, body.version);
        const applicationDate = body.applicationDate ?? current.applicationDate;
        const errors = applicationDateProblems({
          applicationDate,
          birthDate: head.birthDate,
          program: (await findProgram(tx, current.programId, { lock: 'share' }))!,
          later: {
            registrationDate: current.registrationDate,
            participationDate: current.participationDate,
            exitDate: current.exitDate,
          },
          today: dateOf(now),
        });
        if (body.applicationDate && errors.length)
          throw unprocessable('The application date is not possible.', errors);
        const registration = applyRegistrationChanges(
          current.registration,
          body.registration ?? {},
        );
        const changed = await updateEnrollment(tx, current.id, { applicationDate, registration });
        await moveStatusDate(tx, current.id, 'application', applicationDate);
        await announceUpdated(tx, changed, authorOf(actor));
        return changed;
      });
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
