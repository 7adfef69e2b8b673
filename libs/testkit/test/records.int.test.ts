import { randomUUID } from 'node:crypto';
import { busMigrations, recordEvent } from '@hearth/bus';
import { createPool, migrate, type Pool } from '@hearth/db';
import { FamilyChanged, ParticipantCreated, createEvent } from '@hearth/events';
import { createTestDatabase, outboxEvents, rowCounts, testLogger } from '../src';

const logger = testLogger('testkit');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase('testkit');
  pool = createPool(db.url, logger);
  await migrate(pool, [busMigrations], logger);
  await pool.query('CREATE TABLE notes (id int)');
  await pool.query('INSERT INTO notes VALUES (1), (2), (3)');
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const actor = { userId: randomUUID(), name: 'Test Worker' };
const created = (firstName: string) => {
  const orgId = randomUUID();
  return createEvent(ParticipantCreated, {
    orgId,
    actor,
    data: {
      participantId: randomUUID(),
      ownerOrgId: orgId,
      firstName,
      middleName: null,
      lastName: 'Odhiambo',
      birthDate: '1990-04-02',
      sex: 'female',
      securityRestriction: 'restrict_to_org',
    },
  });
};

describe('outboxEvents', () => {
  it('answers the recorded events of the definition asked for, oldest first', async () => {
    const first = created('Amina');
    const second = created('Bashir');
    await recordEvent(pool, first);
    await recordEvent(pool, second);
    const events = await outboxEvents(pool, ParticipantCreated);
    expect(events.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(await outboxEvents(pool, FamilyChanged)).toEqual([]);
  });

  it('answers every recorded event when no definition is asked for', async () => {
    const all = await outboxEvents(pool);
    expect(all.length).toBe(
      Number((await pool.query('SELECT count(*) AS n FROM outbox')).rows[0].n),
    );
  });
});

describe('rowCounts', () => {
  it('answers the number of rows of each named table, by table name', async () => {
    const before = (await rowCounts(pool, ['outbox'])).outbox;
    await recordEvent(pool, created('Chen'));
    expect(await rowCounts(pool, ['notes', 'outbox'])).toEqual({ notes: 3, outbox: before + 1 });
  });

  it('refuses a name that is not a plain table name, since names go into the SQL text', async () => {
    await expect(rowCounts(pool, ['notes; DROP TABLE notes'])).rejects.toThrow(/plain table names/);
    expect((await rowCounts(pool, ['notes'])).notes).toBe(3);
  });
});
