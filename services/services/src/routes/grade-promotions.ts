import { z } from 'zod';
import { allowedParticipants } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { actorOf } from '@hearth/auth';
import { rsiProviderTypes } from '@hearth/events';
import {
  Problem,
  defineRoute,
  isoDate,
  notFound,
  page,
  pageQuery,
  uuid,
  type Api,
} from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import type { ServicesDeps } from '../deps';
import { listGradePromotions } from '../use-cases/list-grade-promotions';
import { recordGradePromotions } from '../use-cases/record-grade-promotions';
import { participantFor } from './participant-gate';

const newPromotions = z.strictObject({
  promotionDate: isoDate().describe("When the students' grade was promoted; never in the future"),
  providerType: z.enum(rsiProviderTypes).describe('"RSI Provided By": the provider\'s agency type'),
  comment: z.string().trim().min(1).max(4000).optional(),
  students: z
    .array(
      z.strictObject({
        participantId: uuid(),
        enrollmentId: uuid().describe("The student's Refugee School Impact (RSI) enrollment"),
      }),
    )
    .min(1)
    .max(500)
    .describe('One student or many; each promoted at most once on a date'),
});
const promotion = z
  .object({
    id: z.string(),
    participantId: z.string(),
    enrollmentId: z.string(),
    promotionDate: z.string(),
    providerType: z.enum(rsiProviderTypes),
    comment: z.string().nullable(),
  })
  .passthrough();

/**
 * All students through the participant gate at once: their sharing facts in one query, one
 * decision each (libs/access, denials audited in one insert). A hidden or unknown student answers
 * 404 naming its row, as the single gate would; nothing about them is looked at further.
 */
async function gateStudents(deps: ServicesDeps, actor: Actor, ids: string[]) {
  const sharing = await sharingOf(deps.pool, ids);
  const allowed = allowedParticipants(
    deps.pool,
    actor,
    sharing,
    'write',
    deps.clock(),
    deps.logger,
  );
  const hidden = ids.flatMap((participantId, i) =>
    allowed.has(participantId)
      ? []
      : [{ field: `students.${i}.participantId`, message: 'Not found' }],
  );
  if (hidden.length) {
    const { title, detail } = notFound('The participant');
    throw new Problem(404, title, detail, hidden);
  }
}

export function gradePromotionRoutes(api: Api, deps: ServicesDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/grade-promotions',
    summary: 'Record an RSI grade promotion for one student or many, all or none',
    tag: 'grade-promotions',
    body: newPromotions,
    success: { status: 201, schema: z.object({ items: z.array(promotion) }) },
    handler: async ({ body, req }) => {
      const actor = actorOf(req);
      await gateStudents(
        deps,
        actor,
        body.students.map((s) => s.participantId),
      );
      return { items: await recordGradePromotions(deps, actor, body) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/grade-promotions',
    summary: "A student's grade promotions, newest first, as their sharing lets you see them",
    tag: 'grade-promotions',
    query: z.strictObject({ participantId: uuid(), ...pageQuery }),
    success: { status: 200, schema: page(promotion) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, query.participantId, 'read', deps.clock());
      return listGradePromotions(deps, actor, query);
    },
  });
}
