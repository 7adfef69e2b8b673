import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { Problem, badRequest, fieldErrors, pageQuery } from '@hearth/http';
import { SERVICES, WORKFLOW_TYPE_OWNERS } from '@hearth/registry';
import type { Upstream } from './breaker';

/** The services that own workflow types: each answers its part of the user's list. */
const OWNERS = SERVICES.filter((s) => s.workflowTypes?.length).map((s) => s.name);
const TYPES = [...WORKFLOW_TYPE_OWNERS.keys()] as [string, ...string[]];

export const composedWorkflowQuery = z.strictObject({
  status: z.enum(['in_progress', 'paused']).optional().describe('Both open statuses when absent'),
  type: z.enum(TYPES).optional().describe('Only this type (asks only its owner)'),
  limit: pageQuery.limit,
  cursor: z.string().max(2000).optional(),
});

/** One owner's item, as libs/workflows answers it (fields beyond these pass through). */
const item = z.looseObject({
  id: z.string(),
  type: z.string(),
  updatedAt: z.string(),
  cursor: z.string(),
});
const ownerPage = z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * Where each owner's list stands: its cursor, absent for its first page, null once exhausted.
 * Only owners the registry names; anything else is a made-up cursor (400).
 */
const position = z.strictObject(
  Object.fromEntries(OWNERS.map((o) => [o, z.string().max(300).nullable().optional()])),
);
type Position = Record<string, string | null | undefined>;

function decodePosition(cursor: string | undefined): Position {
  if (cursor === undefined) return {};
  try {
    return position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badCursor();
  }
}

const badCursor = () =>
  badRequest('The cursor is not one this list gave out.', [
    { field: 'query.cursor', message: 'Use the nextCursor of the previous page' },
  ]);

export const composedWorkflowPage = z.object({
  items: z.array(z.looseObject({ id: z.string(), type: z.string(), updatedAt: z.string() })),
  nextCursor: z.string().nullable(),
  unavailable: z
    .array(z.string())
    .describe('Owners of workflow types that did not answer: their drafts are missing here'),
});

type Item = z.infer<typeof item>;

/**
 * GET /api/v1/workflows, the user's Paused Workflows: every owner's own list (libs/workflows,
 * GET /workflows on each service) merged newest first. An owner that is not deployed, has its
 * breaker open, times out or answers anything but a page is named in `unavailable` and the others
 * still answer (ARCHITECTURE.md, "Where /workflows goes"). The cursor keeps each owner's place.
 */
export function composedWorkflowList(
  upstreams: ReadonlyMap<string, Upstream>,
  timeoutMs: number,
): RequestHandler {
  return async (req, res) => {
    const parsed = composedWorkflowQuery.safeParse(req.query);
    if (!parsed.success)
      throw badRequest('The query is invalid.', fieldErrors(parsed.error, 'query'));
    const q = parsed.data;
    const at = decodePosition(q.cursor);
    const asked = q.type ? [WORKFLOW_TYPE_OWNERS.get(q.type)!] : OWNERS;
    const unavailable: string[] = [];
    const pages = new Map<string, z.infer<typeof ownerPage>>();
    await Promise.all(
      asked
        .filter((owner) => at[owner] !== null)
        .map(async (owner) => {
          const page = await askOwner(req, upstreams.get(owner), timeoutMs, {
            ...q,
            cursor: at[owner] ?? undefined,
          });
          if (page) pages.set(owner, page);
          else unavailable.push(owner);
        }),
    );
    const { items, next } = merge(pages, q.limit, at);
    const done = asked.every((o) => next[o] === null) || Object.keys(next).length === 0;
    const nextCursor = done
      ? null
      : Buffer.from(JSON.stringify(next), 'utf8').toString('base64url');
    res.json({ items, nextCursor, unavailable: unavailable.sort() });
  };
}

async function askOwner(
  req: Request,
  upstream: Upstream | undefined,
  timeoutMs: number,
  q: { status?: string; type?: string; limit: number; cursor?: string },
): Promise<z.infer<typeof ownerPage> | undefined> {
  // not deployed here, or its breaker is open: the others answer without waiting for it
  if (!upstream || upstream.state === 'open') return undefined;
  const search = new URLSearchParams({ limit: String(q.limit) });
  if (q.status) search.set('status', q.status);
  if (q.type) search.set('type', q.type);
  if (q.cursor) search.set('cursor', q.cursor);
  try {
    const res = await fetch(`${upstream.target.replace(/\/$/, '')}/api/v1/workflows?${search}`, {
      headers: {
        authorization: req.get('authorization') ?? '',
        'x-request-id': String(req.id),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    // its part of our cursor refused: the cursor was made up, not the owner down
    if (res.status === 400 && q.cursor) throw badCursor();
    if (res.status !== 200) return undefined;
    const page = ownerPage.safeParse(await res.json());
    return page.success ? page.data : undefined;
  } catch (err) {
    if (err instanceof Problem) throw err;
    return undefined;
  }
}

const newer = (a: Item, b: Item) =>
  a.updatedAt !== b.updatedAt ? a.updatedAt > b.updatedAt : a.id > b.id;

/**
 * The newest `limit` items of the owners' pages, each owner's own order kept, and where each
 * owner's list stands after them: the cursor of its last item shown, its nextCursor when all of
 * its page was shown, null when it has no more.
 */
function merge(pages: Map<string, z.infer<typeof ownerPage>>, limit: number, at: Position) {
  const next: Position = { ...at };
  const heads = new Map([...pages.keys()].map((o) => [o, 0]));
  const items: Item[] = [];
  while (items.length < limit) {
    let pick: string | undefined;
    for (const [owner, i] of heads) {
      const candidate = pages.get(owner)!.items[i];
      if (!candidate) continue;
      if (!pick || newer(candidate, pages.get(pick)!.items[heads.get(pick)!])) pick = owner;
    }
    if (!pick) break;
    const i = heads.get(pick)!;
    const taken = pages.get(pick)!.items[i];
    items.push(taken);
    heads.set(pick, i + 1);
    next[pick] = taken.cursor;
  }
  for (const [owner, page] of pages)
    if (heads.get(owner) === page.items.length) next[owner] = page.nextCursor; // all shown
  return { items, next };
}
