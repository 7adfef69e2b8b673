import { withTransaction } from '@hearth/db';
import { createEvent, ParticipantUpdated, parseEvent } from '@hearth/events';
import {
  mintToken,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { READ_MODEL_TABLES, rebuildReadModel } from '../src/events/journal';
import { unzip } from './zip';
import { seedContinuum } from './export-fixtures';

let service: TestService;
let seeded: Awaited<ReturnType<typeof seedContinuum>>;

beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedContinuum(service);
}, 60_000);
afterAll(() => service?.close());

/** Lakeshore's export, each file's text with the export's own (random) ExportID taken out. */
async function exportFiles() {
  const res = await fetch(`${service.url}/api/v1/exports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${mintToken(testActor({ orgId: seeded.ids.lakeshore }))}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ startDate: '2026-01-01', endDate: '2026-06-30' }),
  });
  expect(res.status).toBe(200);
  const files = unzip(Buffer.from(await res.arrayBuffer()));
  const exportId = files.get('Export.csv')!.split('\n')[1]!.split(',')[0]!;
  return new Map([...files].map(([name, text]) => [name, text.replaceAll(exportId, '"ID"')]));
}
const counts = () => rowCounts(service.pool, [...READ_MODEL_TABLES]);

test('a rebuild from the event journal gives back the same export, file for file', async () => {
  const before = await exportFiles();
  const rowsBefore = await counts();
  const journaled = (await service.pool.query('SELECT count(*)::int AS n FROM event_journal'))
    .rows[0].n;
  expect(await rebuildReadModel(service.pool, readModelConsumers())).toBe(journaled);
  expect(await counts()).toEqual(rowsBefore);
  const after = await exportFiles();
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, text] of before)
    expect({ name, text: after.get(name) }).toEqual({ name, text });
  expect(before.get('Client.csv')!.split('\n').length).toBe(5); // header, 3 clients, last newline
});

test('every journaled event delivered again changes nothing (the consumers are idempotent)', async () => {
  const before = await exportFiles();
  const consumers = new Map(readModelConsumers().map((c) => [c.queue, c]));
  const { rows } = await service.pool.query(
    'SELECT queue, envelope FROM event_journal ORDER BY seq',
  );
  await withTransaction(service.pool, async (tx) => {
    for (const row of rows) await consumers.get(row.queue)!.handle(parseEvent(row.envelope), tx);
  });
  expect(await exportFiles()).toEqual(before);
});

test("a participant's older snapshot arriving late leaves the newer one in place", async () => {
  const { ids } = seeded;
  const late = createEvent(ParticipantUpdated, {
    orgId: ids.lakeshore,
    actor: { userId: null, name: 'intake' },
    occurredAt: new Date('2026-01-01T00:00:00Z'),
    data: {
      participantId: ids.amina,
      ownerOrgId: ids.lakeshore,
      firstName: 'Old',
      middleName: null,
      lastName: 'Name',
      birthDate: '1990-04-02',
      sex: 'female',
      securityRestriction: 'restrict_to_org',
    },
  });
  const consumer = readModelConsumers().find((c) => c.queue === 'reporting.read-model')!;
  await withTransaction(service.pool, (tx) => consumer.handle(late, tx));
  const { rows } = await service.pool.query(
    'SELECT first_name FROM hmis_clients WHERE personal_id = $1',
    [ids.amina],
  );
  expect(rows[0].first_name).toBe('Amina');
});
