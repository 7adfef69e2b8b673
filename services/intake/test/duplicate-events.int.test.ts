import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DuplicateCleared,
  DuplicateDismissed,
  DuplicateSuspected,
  isEvent,
  parseEvent,
  type EventDefinition,
} from '@hearth/events';
import type { z } from 'zod';
import { outboxEvents, testActor } from '@hearth/testkit';
import { scanForDuplicates } from '../src/use-cases/scan-for-duplicates';
import { client, startIntake } from './harness';

/**
 * A suspected pair's life announced through intake's outbox, in the scan's transaction: found with
 * its score, found again unchanged (nothing), cleared when a record is edited out of the likeness,
 * found again, dismissed (final); and the migration announcing the pairs found before.
 */
let intake: Awaited<ReturnType<typeof startIntake>>;
const supervisor = testActor({ roles: ['supervisor'] });
const surname = `Nasser${Math.random().toString(36).slice(2, 7)}`;
let pair: [string, string];
const scan = () => scanForDuplicates({ pool: intake.pool, clock: () => new Date() });

async function create(firstName: string, birthDate: string) {
  const res = await client(intake.url, supervisor).post('/participants', {
    firstName,
    lastName: surname,
    birthDate,
    sex: 'female',
    confirmNew: true,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}
async function edit(id: string, fields: object) {
  const api = client(intake.url, supervisor);
  const { version } = (await api.get(`/participants/${id}`)).body;
  expect((await api.patch(`/participants/${id}`, { ...fields, version })).status).toBe(200);
}
/** The pair's announcements of `definition`, oldest first. */
const announced = async <S extends z.ZodType<{ participantIds: string[] }>>(
  definition: EventDefinition<S>,
  ids = pair,
) =>
  (await outboxEvents(intake.pool, definition)).filter(
    (e) => e.data.participantIds.join() === ids.join(),
  );

beforeAll(async () => {
  intake = await startIntake();
  const ids = [await create('Leila', '1992-12-24'), await create('Leila', '1992-12-24')].sort();
  pair = [ids[0]!, ids[1]!];
  await scan();
});
afterAll(() => intake.close());

describe("a suspected pair's life announced", () => {
  it('announces a pair found: its ids lower first and its score (same name 55 + same birth date 30), nothing identifying', async () => {
    const [found, ...more] = await announced(DuplicateSuspected);
    expect(more).toEqual([]);
    expect(found).toMatchObject({
      orgId: supervisor.orgId,
      actor: { userId: null, name: 'duplicate scan' },
      data: { participantIds: pair, score: 85 },
    });
    expect(Object.keys(found!.data).sort()).toEqual(['at', 'participantIds', 'score', 'version']);
    expect(JSON.stringify(found)).not.toMatch(/Leila|Nasser|1992|same_name/);
  });

  it('announces nothing when a rescan finds the pair as it was', async () => {
    await edit(pair[1], { middleName: 'Noor' });
    expect(await scan()).toBeGreaterThanOrEqual(1);
    expect(await announced(DuplicateSuspected)).toHaveLength(1);
    expect(await announced(DuplicateCleared)).toHaveLength(0);
  });

  it('announces the pair cleared when an edit takes it below 70, and found again, each with a later version', async () => {
    await edit(pair[1], { birthDate: '1961-03-02' }); // the name alone: 55
    await scan();
    const cleared = await announced(DuplicateCleared);
    expect(cleared.map((e) => e.data.participantIds)).toEqual([pair]);
    const [found] = await announced(DuplicateSuspected);
    expect(cleared[0]!.data.version).toBeGreaterThan(found!.data.version);

    await edit(pair[1], { birthDate: '1992-12-24' });
    await scan();
    const suspected = await announced(DuplicateSuspected);
    expect(suspected.map((e) => e.data.score)).toEqual([85, 85]);
    expect(suspected[1]!.data.version).toBeGreaterThan(cleared[0]!.data.version);
  });

  it('announces the dismissal, then nothing more of the pair whatever a rescan finds', async () => {
    const res = await client(intake.url, supervisor).post('/participants/duplicates/dismissals', {
      participantIds: pair,
      reason: 'Cousins, same name',
    });
    expect(res.status).toBe(201);
    const dismissed = (await outboxEvents(intake.pool, DuplicateDismissed)).map((e) => e.data);
    expect(dismissed).toEqual([{ participantIds: pair, at: res.body.dismissedAt }]);
    await edit(pair[1], { birthDate: '1961-03-02' });
    await scan();
    await edit(pair[1], { birthDate: '1992-12-24' });
    await scan();
    expect(await announced(DuplicateSuspected)).toHaveLength(2);
    expect(await announced(DuplicateCleared)).toHaveLength(1);
  });
});

describe('the pairs found before they were announced', () => {
  it('are announced once by migration 090, each open pair with its score and when it was found; a dismissed one is not', async () => {
    const ids = [
      await create('Rana', '1980-01-01'),
      await create('Rana', '1980-01-01'),
      await create('Samir', '1975-05-05'),
      await create('Samir', '1975-05-05'),
    ];
    const open = [ids[0]!, ids[1]!].sort() as [string, string];
    const dismissed = [ids[2]!, ids[3]!].sort() as [string, string];
    // as a scan before this change left them: held, never announced
    await intake.pool.query(
      `INSERT INTO suspected_duplicates (participant_a, participant_b, score, reasons, found_at, dismissed_at)
       VALUES ($1, $2, 90, ARRAY['same_name'], '2026-11-30T08:15:00Z', NULL),
              ($3, $4, 85, ARRAY['same_name'], '2026-11-29T08:15:00Z', now())`,
      [...open, ...dismissed],
    );
    const migration = readFileSync(
      join(__dirname, '..', 'migrations', '090_duplicate_announcements.sql'),
      'utf8',
    );
    // the migration's announcement, run over these pairs (its sequence exists already)
    await intake.pool.query(migration.slice(migration.indexOf('INSERT INTO outbox')));
    const [backfilled, ...more] = await announced(DuplicateSuspected, open);
    expect(more).toEqual([]);
    expect(backfilled).toMatchObject({
      type: 'intake.duplicate.suspected',
      version: 1,
      orgId: supervisor.orgId,
      actor: { userId: null, name: 'duplicate scan' },
      data: { participantIds: open, score: 90, at: '2026-11-30T08:15:00.000Z' },
    });
    // consumers parse it with the catalog's schemas: it passes as one the scan produced does
    expect(isEvent(parseEvent(backfilled), DuplicateSuspected)).toBe(true);
    expect(await announced(DuplicateSuspected, dismissed)).toEqual([]);
  });
});
