import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintToken, testActor } from '@hearth/testkit';
import { startGateway } from './harness';

/**
 * /api/v1/workflows at the gateway: /workflows/{type}/… routed to the type's owner, and the user's
 * list composed of every owner's (ARCHITECTURE.md, "Where /workflows goes").
 */
interface Draft {
  id: string;
  type: string;
  updatedAt: string;
  cursor: string;
}

/** An owner of workflow types: answers its list from `drafts` (keyset on the item cursor). */
async function workflowOwner(name: string, drafts: Draft[]) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const url = new URL(req.url!, 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/api/v1/workflows') return void res.end(JSON.stringify({ owner: name }));
    const limit = Number(url.searchParams.get('limit'));
    if (url.searchParams.get('cursor') === 'forged') {
      res.statusCode = 400;
      return void res.end(JSON.stringify({ errors: [{ field: 'cursor' }] }));
    }
    const after = url.searchParams.get('cursor');
    const from = after ? drafts.findIndex((d) => d.cursor === after) + 1 : 0;
    const items = drafts.slice(from, from + limit);
    const more = from + limit < drafts.length;
    res.end(JSON.stringify({ items, nextCursor: more ? items.at(-1)!.cursor : null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const draft = (type: string, n: number, updatedAt: string): Draft => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type,
  updatedAt,
  cursor: `c${n}`,
});
const intakeDrafts = [
  draft('intake_assessment', 1, '2026-09-10T12:00:00.000Z'),
  draft('intake_assessment', 2, '2026-09-08T12:00:00.000Z'),
];
const fsspDrafts = [draft('fssp-creation', 3, '2026-09-09T12:00:00.000Z')];

interface Page {
  items: Draft[];
  nextCursor: string | null;
  unavailable: string[];
}
const pageOf = async (res: Response) => (await res.json()) as Page;

const token = mintToken(testActor());
const get = (url: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

describe('workflows at the gateway', () => {
  let intake: Awaited<ReturnType<typeof workflowOwner>>;
  let fssp: Awaited<ReturnType<typeof workflowOwner>>;
  beforeAll(async () => {
    intake = await workflowOwner('intake', intakeDrafts);
    fssp = await workflowOwner('fssp', fsspDrafts);
  });
  afterAll(async () => {
    await intake.close();
    await fssp.close();
  });

  test('a path names its workflow type and goes to the service owning that type', async () => {
    const gw = await startGateway(
      { identity: intake.url, intake: intake.url },
      { FSSP_URL: fssp.url },
    );
    try {
      const creation = await fetch(`${gw.url}/api/v1/workflows/fssp-creation`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await creation.json()).toEqual({ owner: 'fssp' });
      const assessment = await get(`${gw.url}/api/v1/workflows/intake_assessment/x/steps/a`);
      expect(await assessment.json()).toEqual({ owner: 'intake' });
      expect((await get(`${gw.url}/api/v1/workflows/space-travel/x`)).status).toBe(404);
      const post = await fetch(`${gw.url}/api/v1/workflows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(post.status).toBe(404);
    } finally {
      await gw.close();
    }
  });

  test("the list merges every owner's drafts newest first, paged across owners by one cursor", async () => {
    const gw = await startGateway(
      { identity: intake.url, intake: intake.url },
      { FSSP_URL: fssp.url },
    );
    try {
      const first = await get(`${gw.url}/api/v1/workflows?limit=2`);
      expect(first.status).toBe(200);
      const page1 = await pageOf(first);
      expect(page1.items.map((d: Draft) => d.cursor)).toEqual(['c1', 'c3']);
      expect(page1.unavailable).toEqual([]);
      const page2 = await pageOf(
        await get(`${gw.url}/api/v1/workflows?limit=2&cursor=${page1.nextCursor}`),
      );
      expect(page2.items.map((d: Draft) => d.cursor)).toEqual(['c2']);
      expect(page2.nextCursor).toBeNull();
      // one type: only its owner is asked
      const before = intake.seen.length;
      const one = await pageOf(await get(`${gw.url}/api/v1/workflows?type=fssp-creation`));
      expect(one.items.map((d: Draft) => d.cursor)).toEqual(['c3']);
      expect(intake.seen.length).toBe(before);
      const bad = await get(`${gw.url}/api/v1/workflows?cursor=bm90LWEtY3Vyc29y`);
      expect(bad.status).toBe(400);
      // well-formed, but an owner's part of it was never given out: 400 too, not "unavailable"
      const forged = Buffer.from(JSON.stringify({ fssp: 'forged' })).toString('base64url');
      const refused = await get(`${gw.url}/api/v1/workflows?cursor=${forged}`);
      expect(refused.status).toBe(400);
      const unknown = await get(`${gw.url}/api/v1/workflows?type=space-travel`);
      expect(unknown.status).toBe(400);
    } finally {
      await gw.close();
    }
  });

  test('an owner that does not answer is named in unavailable; the others still answer 200', async () => {
    const down = await workflowOwner('fssp', []);
    await down.close(); // its address answers nothing now
    const gw = await startGateway(
      { identity: intake.url, intake: intake.url },
      { FSSP_URL: down.url },
    );
    try {
      const res = await get(`${gw.url}/api/v1/workflows`);
      expect(res.status).toBe(200);
      const body = await pageOf(res);
      expect(body.unavailable).toEqual(['fssp']);
      expect(body.items.map((d: Draft) => d.cursor)).toEqual(['c1', 'c2']);
    } finally {
      await gw.close();
    }
  });
});
