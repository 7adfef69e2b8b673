import { createPool, migrate, withTransaction, type Pool } from '@hearth/db';
import { createTestDatabase, testLogger } from '@hearth/testkit';
import {
  claimIdempotencyKeys,
  idempotencyMigrations,
  idempotently,
  releaseIdempotencyKeys,
} from '../src';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase('idempotency_many');
  pool = createPool(db.url, testLogger('idempotency-many'));
  await migrate(pool, [idempotencyMigrations], testLogger('idempotency-many'));
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const NOW = new Date('2026-03-10T12:00:00Z');
const ACTOR = 'a0000000-0000-4000-8000-000000000002';

test("a batch's keys: new ones taken, kept ones answered, another request refused, released ones free again", async () => {
  await withTransaction(pool, (tx) =>
    idempotently(tx, { actorId: ACTOR, key: 'kept', request: { n: 1 } }, NOW, async () => ({
      status: 201,
      body: { id: 'first' },
    })),
  );
  const answer = (id: string) => ({ status: 201, body: { id } });
  const requests = [
    { key: 'new-a', request: { n: 2 }, answer: answer('a') },
    { key: 'kept', request: { n: 1 }, answer: answer('not kept') },
    { key: 'new-b', request: { n: 3 }, answer: answer('b') },
  ];
  const claims = await withTransaction(pool, async (tx) => {
    const c = await claimIdempotencyKeys(tx, ACTOR, requests, NOW);
    await releaseIdempotencyKeys(tx, ACTOR, ['new-b']);
    return c;
  });
  expect(claims).toEqual([
    { claimed: true },
    { claimed: false, status: 201, body: { id: 'first' } },
    { claimed: true },
  ]);
  const again = await withTransaction(pool, (tx) =>
    claimIdempotencyKeys(
      tx,
      ACTOR,
      [...requests.slice(0, 2), { key: 'new-b', request: { n: 4 }, answer: answer('b2') }].map(
        (r, i) => (i === 1 ? { ...r, request: { n: 9 } } : r),
      ),
      NOW,
    ),
  );
  expect(again[0]).toEqual({ claimed: false, status: 201, body: { id: 'a' } });
  expect(again[1]).toMatchObject({ claimed: false, refused: { status: 422 } });
  // released: free for any request, as if never sent
  expect(again[2]).toEqual({ claimed: true });
});
