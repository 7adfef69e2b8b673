import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { preProgramExitReasons } from '@hearth/events';
import { defineRoute, idParams, uuid, type Api } from '@hearth/http';
import { decideAccess } from '@hearth/access';
import { recordsListedTogether } from '@hearth/people';
import type { RentAssistanceDeps } from '../deps';
import { recordsOf } from '../store/records';
import { describeRecord } from '../use-cases/describe-record';
import { rejectReferral } from '../use-cases/reject-referral';
import { reviewRecord } from '../use-cases/review-record';
import { participantFor } from './participant-gate';
import { recordFor } from './record-gate';

const day = z.string().nullable();
const record = z.strictObject({
  enrollmentId: z.string(),
  programId: z.string(),
  participantId: z.string(),
  coachOrgId: z.string(),
  hubOrgId: z.string(),
  status: z.string(),
  applicationDate: z.string(),
  participationDate: day,
  exitDate: day,
  totalAmountRequestedCents: z
    .number()
    .int()
    .nullable()
    .describe("Enrollment's total amount requested: the record's payments together stay within it"),
  receivedRaAgainIn: day.describe(
    'The later record at the hub that marked this episode "received RA again" (out of the measures)',
  ),
  review: z.strictObject({ lastReviewDay: z.string(), reviewedOn: day, reviewedBy: day }),
  preProgramExit: z
    .strictObject({
      exitDate: z.string(),
      reason: z.enum(preProgramExitReasons),
      caseNoteId: day,
    })
    .nullable(),
  engagement: z.strictObject({
    firstCoachingDate: day,
    lastQualifyingDate: day,
    firstHousingSupportDate: day,
    finalRentExitDate: day,
  }),
  version: z.number().int(),
});

/** Rent-assistance records (enrollment's RA enrollments) and the hub's decision on each referral. */
export function recordRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/participants/:id/records',
    summary: "A participant's rent-assistance records you may read, the latest application first",
    tag: 'rent-assistance',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(record) }) },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await participantFor(deps.pool, actor, params.id, 'read', now);
      // a person linked in intake: every record's RA records, to who may see them all (libs/people)
      const people = await recordsListedTogether(deps.pool, actor, params.id, now);
      const readable = (await recordsOf(deps.pool, [...people.keys()])).filter((r) => {
        const participant = people.get(r.participantId); // each decided by its own record's sharing
        return [r.hubOrgId, r.coachOrgId].some(
          (orgId) =>
            participant !== undefined &&
            decideAccess({
              actor,
              participant,
              record: { orgId, restriction: 'mou' },
              action: 'read',
              now,
            }).allowed,
        );
      });
      return { items: await Promise.all(readable.map((r) => describeRecord(deps.pool, r))) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/records/:id',
    summary: 'One rent-assistance record: review, pre-program exit, engagement dates',
    tag: 'rent-assistance',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: record },
    handler: async ({ params, req }) => {
      const found = await recordFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return describeRecord(deps.pool, found);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/rent-assistance/records/:id/review',
    summary:
      "The chosen hub's staff accept the referral (Review Date, Reviewed By); 422 lists each unmet condition",
    tag: 'rent-assistance',
    params: idParams,
    body: z.strictObject({}),
    success: { status: 200, schema: record },
    problems: [403, 409, 422],
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      await recordFor(deps.pool, actor, params.id, 'write', deps.clock());
      return describeRecord(deps.pool, await reviewRecord(deps, actor, params.id));
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/rent-assistance/records/:id/rejection',
    summary: "The chosen hub's staff reject the referral: pre-program exit with the case note why",
    tag: 'rent-assistance',
    params: idParams,
    body: z.strictObject({
      caseNoteId: uuid().describe("The hub's case note about the participant explaining why"),
    }),
    success: { status: 200, schema: record },
    problems: [403, 409, 422],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await recordFor(deps.pool, actor, params.id, 'write', deps.clock());
      return describeRecord(
        deps.pool,
        await rejectReferral(deps, actor, params.id, body.caseNoteId),
      );
    },
  });
}
