import { randomUUID } from 'node:crypto';
import { createPool, migrate, type Pool } from '@hearth/db';
import { createTestDatabase, testLogger } from '@hearth/testkit';
import { applyFamily, currentFamilyOf, familyFactsMigrations, type FamilySnapshot } from '../src';

let pool: Pool;
let drop: () => Promise<void>;
beforeAll(async () => {
  const db = await createTestDatabase('families');
  drop = db.drop;
  pool = createPool(db.url, testLogger('families'));
  await migrate(pool, [familyFactsMigrations], testLogger('families'));
});
afterAll(async () => {
  await pool?.end();
  await drop?.();
});

type Relationship = FamilySnapshot['members'][number]['relationship'];
const member = (participantId: string, relationship: Relationship, isCurrentFamily = true) => ({
  participantId,
  relationship,
  isCurrentFamily,
});

test("a participant's current family is the others of the family intake marks current for them", async () => {
  const [head, child, grandma] = [randomUUID(), randomUUID(), randomUUID()];
  await applyFamily(
    pool,
    {
      familyId: randomUUID(),
      headParticipantId: head,
      members: [
        member(head, 'head_of_household'),
        member(child, 'child'),
        member(grandma, 'grandparent', false),
      ],
      removedParticipantIds: [],
    },
    '2026-03-01T00:00:00Z',
  );
  const expected = [
    { participantId: child, relationship: 'child' },
    { participantId: grandma, relationship: 'grandparent' },
  ].sort((a, b) => a.participantId.localeCompare(b.participantId));
  expect(await currentFamilyOf(pool, head)).toEqual(expected);
  // grandma's current family is another one: this one is a past household for her
  expect(await currentFamilyOf(pool, grandma)).toEqual([]);
  expect(await currentFamilyOf(pool, randomUUID())).toEqual([]);
});

test('an older snapshot delivered after a newer one changes nothing', async () => {
  const [head, spouse] = [randomUUID(), randomUUID()];
  const familyId = randomUUID();
  const snapshot = (members: ReturnType<typeof member>[]) => ({
    familyId,
    headParticipantId: head,
    members,
    removedParticipantIds: [],
  });
  await applyFamily(pool, snapshot([member(head, 'head_of_household')]), '2026-03-03T00:00:00Z');
  await applyFamily(
    pool,
    snapshot([member(head, 'head_of_household'), member(spouse, 'spouse')]),
    '2026-03-02T00:00:00Z',
  );
  expect(await currentFamilyOf(pool, head)).toEqual([]);
  await applyFamily(
    pool,
    snapshot([member(head, 'head_of_household'), member(spouse, 'spouse')]),
    '2026-03-04T00:00:00Z',
  );
  expect(await currentFamilyOf(pool, head)).toEqual([
    { participantId: spouse, relationship: 'spouse' },
  ]);
});
