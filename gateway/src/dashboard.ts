import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Problem, badRequest, fieldErrors, notFound, problemResponses, uuid } from '@hearth/http';
import type { Upstream } from './breaker';

/** How many of each list the dashboard shows; the rest is one call away at the service's own list. */
const FIRST_PAGE = 20;

/**
 * Each part of the dashboard: the owning service and its own participant-scoped list, which
 * applies that service's access rules to the caller's token (the gateway decides nothing).
 */
const PARTS = {
  enrollments: { upstream: 'enrollment', path: (id: string) => `/enrollments?participantId=${id}` },
  services: { upstream: 'services', path: (id: string) => `/services?participantId=${id}` },
  referrals: { upstream: 'referrals', path: (id: string) => `/referrals?participantId=${id}` },
  fssps: { upstream: 'fssp', path: (id: string) => `/fssps?participantId=${id}` },
  rentAssistanceRecords: {
    upstream: 'rent-assistance',
    path: (id: string) => `/rent-assistance/participants/${id}/records`,
  },
  documents: { upstream: 'documents', path: (id: string) => `/documents?participantId=${id}` },
  notifications: {
    upstream: 'notifications',
    path: (id: string) => `/notifications?status=all&participantId=${id}`,
  },
} as const;
type PartName = keyof typeof PARTS;
/** The lists that are paged take a limit; the others answer every item at once. */
const PAGED = new Set<PartName>([
  'enrollments',
  'services',
  'referrals',
  'documents',
  'notifications',
]);

export const dashboardParams = z.strictObject({ id: uuid() });
export const dashboardQuery = z.strictObject({});

const part = z
  .object({
    items: z.array(z.looseObject({})),
    nextCursor: z
      .string()
      .nullable()
      .describe("The service's own cursor: its list continues at that service's route"),
  })
  .nullable()
  .describe('Null when its service is named in unavailable or withheld');

export const dashboard = z.object({
  participantId: z.string(),
  participant: z
    .looseObject({ id: z.string() })
    .nullable()
    .describe('As intake answers it; null when intake is unavailable'),
  ...(Object.fromEntries(Object.keys(PARTS).map((name) => [name, part])) as Record<
    PartName,
    typeof part
  >),
  unavailable: z
    .array(z.string())
    .describe('Services that did not answer (down, breaker open, too slow): their parts are null'),
  withheld: z
    .array(z.string())
    .describe('Services that answered but, by their own access rules, show you none of this part'),
});

const listPage = z.object({
  items: z.array(z.looseObject({})),
  nextCursor: z.string().nullable().optional(),
});

/**
 * GET /api/v1/participants/{id}/dashboard: intake's participant and every other service's list
 * about them, asked in parallel, each through its breaker with the upstream timeout and the
 * caller's own token. A service that does not answer is named in `unavailable` and the others
 * still answer 200 (ARCHITECTURE.md: a composed answer says what is missing); one that answers
 * 403/404 (its access rules, or its sharing facts not arrived yet) is named in `withheld`. Intake
 * decides whether the participant exists for the caller: its 404 (or 403) is the dashboard's.
 */
export function participantDashboard(
  upstreams: ReadonlyMap<string, Upstream>,
  timeoutMs: number,
): RequestHandler {
  return async (req, res) => {
    const params = dashboardParams.safeParse(req.params);
    if (!params.success)
      throw badRequest('The path is invalid.', fieldErrors(params.error, 'params'));
    const query = dashboardQuery.safeParse(req.query);
    if (!query.success)
      throw badRequest('The query is invalid.', fieldErrors(query.error, 'query'));
    const id = params.data.id;
    const headers = {
      authorization: req.get('authorization') ?? '',
      'x-request-id': String(req.id),
    };
    const ask = (name: string, path: string) => {
      const upstream = upstreams.get(name);
      // not deployed here, or its breaker is open: the others answer without waiting for it
      if (!upstream || upstream.state === 'open') return Promise.resolve(undefined);
      return upstream.getJson(`/api/v1${path}`, headers, timeoutMs);
    };
    const names = Object.keys(PARTS) as PartName[];
    const [intake, ...answers] = await Promise.all([
      ask('intake', `/participants/${id}`),
      ...names.map((n) => {
        const limit = PAGED.has(n) ? `&limit=${FIRST_PAGE}` : '';
        return ask(PARTS[n].upstream, PARTS[n].path(id) + limit);
      }),
    ]);
    if (intake?.status === 404) throw notFound('The participant');
    if (intake?.status === 403)
      throw new Problem(403, 'Forbidden', 'Your role may not read participant records.');

    const unavailable: string[] = [];
    const withheld: string[] = [];
    const participant = intake?.status === 200 ? participantOf(intake.body) : undefined;
    if (!participant) unavailable.push('intake');
    const parts = names.map((name, i) => {
      const answer = answers[i];
      const page = answer?.status === 200 ? listPage.safeParse(answer.body) : undefined;
      if (page?.success)
        return [name, { items: page.data.items, nextCursor: page.data.nextCursor ?? null }];
      if (answer?.status === 403 || answer?.status === 404) withheld.push(PARTS[name].upstream);
      else unavailable.push(PARTS[name].upstream);
      return [name, null];
    });
    res.json({
      participantId: id,
      participant: participant ?? null,
      ...Object.fromEntries(parts),
      unavailable: unavailable.sort(),
      withheld: withheld.sort(),
    });
  };
}

const participantOf = (body: unknown) => {
  const parsed = z.looseObject({ id: z.string() }).safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

/** Its entry in the merged OpenAPI, with every status it answers. */
export function dashboardOpenApi() {
  return {
    get: {
      summary:
        "A participant's dashboard: intake's record and every service's lists about them, in one answer",
      tags: ['participants'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      responses: {
        200: {
          description:
            'The parts the services answered; the others named in unavailable or withheld',
          content: { 'application/json': { schema: z.toJSONSchema(dashboard) } },
        },
        ...problemResponses([400, 401, 403, 404]),
      },
    },
  };
}
