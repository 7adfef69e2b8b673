import { randomUUID } from 'node:crypto';
import { createPool, migrate, withTransaction, type Pool } from '@hearth/db';
import { createTestDatabase, testLogger } from '@hearth/testkit';
import {
  applyLink,
  applyUnlink,
  participantIdsOfPerson,
  peopleMigrations,
  peopleOf,
  personKeysOf,
} from '../src';

/** A follower resolves a person through chains of links, and an undo splits exactly one link. */
let pool: Pool;
let drop: () => Promise<void>;
beforeAll(async () => {
  const db = await createTestDatabase('people');
  drop = db.drop;
  pool = createPool(db.url, testLogger('people'));
  await migrate(pool, [peopleMigrations], testLogger('people'));
});
afterAll(async () => {
  await pool?.end();
  await drop?.();
});

const linkOf = (survivor: string, other: string) => ({
  linkId: randomUUID(),
  personId: survivor,
  survivingParticipantId: survivor,
  participantIds: [survivor, other],
  at: '2026-11-02T15:00:00.000Z',
});
const sorted = (ids: string[]) => [...ids].sort();

test('linking C to B when A–B are linked makes A, B, C one person from every record', async () => {
  const [a, b, c, stranger] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await applyLink(pool, linkOf(a, b));
  await applyLink(pool, linkOf(c, b));
  for (const id of [a, b, c]) {
    const ids = await participantIdsOfPerson(pool, id);
    expect(ids[0]).toBe(id); // itself first
    expect(sorted(ids)).toEqual(sorted([a, b, c]));
  }
  const people = await peopleOf(pool, [a, stranger]);
  expect(sorted(people.get(a)!)).toEqual(sorted([a, b, c]));
  expect(people.get(stranger)).toEqual([stranger]);
});

test('undoing the middle of a chain A–B–C–D leaves A–B and C–D, each a person again', async () => {
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const middle = linkOf(b, c);
  for (const link of [linkOf(a, b), middle, linkOf(c, d)]) await applyLink(pool, link);
  expect(sorted(await participantIdsOfPerson(pool, d))).toEqual(sorted([a, b, c, d]));
  await applyUnlink(pool, { ...middle, at: '2026-11-03T09:00:00.000Z' });
  expect(await participantIdsOfPerson(pool, a)).toEqual([a, b]);
  expect(await participantIdsOfPerson(pool, d)).toEqual([d, c]);
});

test('a loop of links (A–B, B–C, C–A) still ends, each record once', async () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  for (const link of [linkOf(a, b), linkOf(b, c), linkOf(c, a)]) await applyLink(pool, link);
  const ids = await participantIdsOfPerson(pool, b.toUpperCase());
  expect(ids).toHaveLength(3);
  expect(sorted(ids)).toEqual(sorted([a, b, c]));
});

test('a write through the end of a chain waits for one through its other end', async () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  await applyLink(pool, linkOf(a, b));
  await applyLink(pool, linkOf(b, c));
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const first = withTransaction(pool, async (tx) => {
    await participantIdsOfPerson(tx, a, { lock: true });
    order.push('a locked');
    await held;
    order.push('a done');
  });
  await new Promise((r) => setTimeout(r, 100));
  const second = withTransaction(pool, async (tx) => {
    await participantIdsOfPerson(tx, c, { lock: true });
    order.push('c locked');
  });
  await new Promise((r) => setTimeout(r, 200));
  release();
  await Promise.all([first, second]);
  expect(order).toEqual(['a locked', 'a done', 'c locked']);
});

test("a person's key is its least id, whichever record asks and whatever order the links came in", async () => {
  const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()].sort();
  const [a, b, c, d] = ids as [string, string, string, string];
  // c–b linked before b–a: the key is still a, the least of the three, for each of them
  await applyLink(pool, linkOf(c, b));
  await applyLink(pool, linkOf(b, a));
  const keys = await personKeysOf(pool, [c, a, b, d]);
  expect([keys.get(a), keys.get(b), keys.get(c)]).toEqual([a, a, a]);
  expect(keys.get(d)).toBe(d); // unlinked: its own person
  // asked from the end of the chain alone, the key reaches past the records asked
  expect((await personKeysOf(pool, [c])).get(c)).toBe(a);
});
