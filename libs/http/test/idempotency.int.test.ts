import { randomUUID } from 'node:crypto';
import { createPool, migrate, withTransaction, type Pool } from '@hearth/db';
import { createTestDatabase, testLogger } from '@hearth/testkit';
import {
  deleteExpiredIdempotencyKeys,
  idempotencyMigrations,
  idempotently,
  type Problem,
} from '../src';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase('idempotency');
  pool = createPool(db.url, testLogger('idempotency'));
  await migrate(pool, [idempotencyMigrations], testLogger('idempotency'));
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursLater = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

/** A write that counts how often it really ran. */
function counter() {
  let runs = 0;
  return {
    runs: () => runs,
    write: async () => ({ status: 201, body: { run: ++runs } }),
  };
}
const ACTOR = 'a0000000-0000-4000-8000-000000000001';
const once = (
  key: string,
  request: unknown,
  write: () => Promise<{ status: number; body: unknown }>,
  now = NOW,
  actorId = ACTOR,
) => withTransaction(pool, (tx) => idempotently(tx, { actorId, key, request }, now, write));

test('a key answers its first answer again without writing; the body order of keys does not matter', async () => {
  const c = counter();
  const key = randomUUID();
  expect(await once(key, { a: 1, b: 2 }, c.write)).toEqual({
    status: 201,
    body: { run: 1 },
    replayed: false,
  });
  expect(await once(key, { b: 2, a: 1 }, c.write)).toEqual({
    status: 201,
    body: { run: 1 },
    replayed: true,
  });
  expect(c.runs()).toBe(1);
});

test('the same key with another request is a 422 naming the key', async () => {
  const c = counter();
  const key = randomUUID();
  await once(key, { a: 1 }, c.write);
  const refused = await once(key, { a: 2 }, c.write).catch((e: Problem) => e);
  expect(refused).toMatchObject({ status: 422, errors: [{ field: 'Idempotency-Key' }] });
  expect(c.runs()).toBe(1);
});

test('a write that fails keeps nothing, so the key is free again', async () => {
  const c = counter();
  const key = randomUUID();
  await expect(once(key, { a: 1 }, () => Promise.reject(new Error('refused')))).rejects.toThrow();
  expect(await once(key, { a: 2 }, c.write)).toMatchObject({ replayed: false });
});

test('keys are per actor, and after 24 hours a key is a new request', async () => {
  const c = counter();
  const key = randomUUID();
  await once(key, { a: 1 }, c.write);
  const other = 'a0000000-0000-4000-8000-000000000002';
  expect(await once(key, { a: 9 }, c.write, NOW, other)).toMatchObject({ replayed: false });
  expect(await once(key, { a: 1 }, c.write, hoursLater(23.9))).toMatchObject({ replayed: true });
  expect(await once(key, { a: 5 }, c.write, hoursLater(24))).toMatchObject({ replayed: false });
  expect(c.runs()).toBe(3);
});

test('concurrent requests with one key run the write once and answer alike', async () => {
  const c = counter();
  const key = randomUUID();
  const slow = async () => {
    await new Promise((r) => setTimeout(r, 50));
    return c.write();
  };
  const answers = await Promise.all(Array.from({ length: 4 }, () => once(key, { a: 1 }, slow)));
  expect(c.runs()).toBe(1);
  expect(answers.map((a) => a.body)).toEqual(Array(4).fill({ run: 1 }));
  expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
});

test('without a key the write simply runs', async () => {
  const c = counter();
  await withTransaction(pool, (tx) =>
    idempotently(tx, { actorId: randomUUID(), key: undefined, request: {} }, NOW, c.write),
  );
  await withTransaction(pool, (tx) =>
    idempotently(tx, { actorId: randomUUID(), key: undefined, request: {} }, NOW, c.write),
  );
  expect(c.runs()).toBe(2);
});

test('the cleanup deletes the keys 24 h old or older at its now, in batches, and keeps the younger', async () => {
  await pool.query('DELETE FROM idempotency_keys');
  const c = counter();
  const keyAt = async (hoursBefore: number) => {
    const key = randomUUID();
    await once(key, { hoursBefore }, c.write, hoursLater(-hoursBefore));
    return key;
  };
  for (const hours of [48, 25, 24]) await keyAt(hours); // at 24 h a retry is a new request
  const young = [await keyAt(23.99), await keyAt(0)];
  expect(await deleteExpiredIdempotencyKeys(pool, NOW, 2)).toBe(3); // two batches
  const { rows } = await pool.query('SELECT key FROM idempotency_keys ORDER BY created_at');
  expect(rows.map((r) => r.key)).toEqual(young);
  // a day later every one of them has gone; a second pass finds nothing
  expect(await deleteExpiredIdempotencyKeys(pool, hoursLater(24))).toBe(2);
  expect(await deleteExpiredIdempotencyKeys(pool, hoursLater(24))).toBe(0);
});
