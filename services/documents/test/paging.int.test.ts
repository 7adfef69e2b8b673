import { mintToken, testActor } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import {
  confidentialFields,
  participantOf,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

let service: Documents;
const lakeshore = testActor();
const elsewhere = testActor(); // sees the participant (share_global) but holds no release
let participant: string;
const uploaded: Record<string, string> = {};

const publicFields = { ...confidentialFields, confidentiality: 'public', publicConfirmed: 'true' };

const list = async (actor: Actor, query: string) => {
  const res = await fetch(`${service.url}/api/v1/documents?participantId=${participant}${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
  const body = (await res.json()) as {
    items: Array<{ id: string }>;
    nextCursor: string | null;
    errors: Array<{ field: string }>;
  };
  return { status: res.status, body };
};

/** Every page, following nextCursor: the ids of each page, in order. */
const pages = async (actor: Actor, limit: number) => {
  const seen: string[][] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const { body } = await list(actor, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(body.items.map((d) => d.id));
    cursor = body.nextCursor;
  }
  return seen;
};

beforeAll(async () => {
  service = await startDocuments();
  participant = await participantOf(service, lakeshore, 'share_global');
  // one after the other, all at the same "now": the later upload comes first
  for (const name of ['c1', 'p1', 'c2', 'p2', 'c3', 'p3']) {
    const fields = name.startsWith('p') ? publicFields : confidentialFields;
    uploaded[name] = (await upload(service, lakeshore, participant, { fields })).body.id;
  }
});
afterAll(() => service?.close());

const ids = (...names: string[]) => names.map((n) => uploaded[n]);

test('the uploading organization pages through every document, newest first', async () => {
  expect(await pages(lakeshore, 4)).toEqual([ids('p3', 'c3', 'p2', 'c2'), ids('p1', 'c1')]);
});

test('pages stay full for an organization that sees only the public documents', async () => {
  expect(await pages(elsewhere, 2)).toEqual([ids('p3', 'p2'), ids('p1')]);
});

test('a last page that ends exactly at the limit has no next cursor', async () => {
  expect(await pages(elsewhere, 3)).toEqual([ids('p3', 'p2', 'p1')]);
});

test('a cursor this API did not give out is a 400 naming the cursor', async () => {
  for (const cursor of ['not-a-cursor', Buffer.from('{"createdAt":1}').toString('base64url')]) {
    const { status, body } = await list(lakeshore, `&cursor=${cursor}`);
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toEqual(['cursor']);
  }
});

test('a limit outside 1 to 200 is a 400 naming the limit', async () => {
  for (const limit of ['0', '201', 'ten']) {
    const { status, body } = await list(lakeshore, `&limit=${limit}`);
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toEqual(['query.limit']);
  }
});
