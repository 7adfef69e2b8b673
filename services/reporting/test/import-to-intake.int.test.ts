import { randomBytes, randomUUID } from 'node:crypto';
import { intake, intakeEnv } from '@hearth/intake';
import {
  apiClient,
  mintToken,
  startServiceForTest,
  testActor,
  waitFor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { importToEnd, row, zipOf } from './import-harness';

/**
 * An import's clients reach intake over the bus, as deployed: reporting's outbox, the relay,
 * intake's consumer and its matching. Reporting never writes intake's tables.
 */
let intakeService: TestService;
let reportingService: TestService;
beforeAll(async () => {
  intakeService = await startServiceForTest(intake, intakeEnv, {
    env: { SSN_KEYS: `test:${randomBytes(32).toString('base64')}`, SSN_ACTIVE_KEY_ID: 'test' },
  });
  reportingService = await startServiceForTest(reporting, reportingEnv, {
    exchange: intakeService.exchange,
  });
}, 60_000);
afterAll(async () => {
  await reportingService?.close();
  await intakeService?.close();
});

const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
const otherAgency = testActor({ roles: ['caseworker'] });
const surname = `Lind${Math.random().toString(36).slice(2, 8)}`;
const client = (id: string, firstName: string) =>
  row('Client', {
    PersonalID: id,
    FirstName: firstName,
    LastName: surname,
    NameDataQuality: 1,
    DOB: '1990-04-01',
    DOBDataQuality: 1,
    Sex: 0,
    DateCreated: '2024-01-02 03:04:05',
    DateUpdated: '2024-01-02 03:04:05',
  });
const outcomes = () =>
  intakeService.pool
    .query<{ personal_id: string; outcome: string; participant_id: string; linked: string | null }>(
      `SELECT personal_id, outcome, participant_id, linked_to_participant_id AS linked
       FROM imported_clients WHERE org_id = $1 ORDER BY personal_id`,
      [importer.orgId],
    )
    .then((r) => r.rows);

describe("an HMIS import's clients in intake", () => {
  it('become participants of the importer, the one already here linked, and a second import adds only the new', async () => {
    const held = await apiClient(intakeService.url, importer).post('/participants', {
      firstName: 'Ada',
      lastName: surname,
      birthDate: '1990-04-01',
      sex: 'female',
      confirmNew: true,
    });
    expect(held.status).toBe(201);

    const first = await zipOf({ Client: [client('A1', 'Ada'), client('B1', 'Bea')] });
    expect((await importToEnd(reportingService, importer, first)).status).toBe('done');
    await waitFor(async () => (await outcomes()).length === 2, 20_000, 'both clients in intake');

    const [ada, bea] = await outcomes();
    expect(ada).toMatchObject({ personal_id: 'A1', outcome: 'linked', linked: held.body.id });
    expect(bea).toMatchObject({ personal_id: 'B1', outcome: 'taken_in', linked: null });
    const seen = (as: typeof importer) =>
      apiClient(intakeService.url, as).get(`/participants/${bea!.participant_id}`);
    expect((await seen(importer)).status).toBe(200);
    expect((await seen(otherAgency)).status).toBe(404);
    // intake's answers come back: reporting keeps the participant beside each imported row
    const job = (id: string) =>
      fetch(`${reportingService.url}/api/v1/imports/${id}`, {
        headers: { authorization: `Bearer ${mintToken(importer)}` },
      }).then((r) => r.json() as Promise<{ clientsInIntake: { awaiting: number } }>);
    const firstId = (
      await reportingService.pool.query('SELECT import_id FROM hmis_imports WHERE org_id = $1', [
        importer.orgId,
      ])
    ).rows[0].import_id as string;
    await waitFor(
      async () => (await job(firstId)).clientsInIntake.awaiting === 0,
      20_000,
      'answers',
    );
    expect((await job(firstId)).clientsInIntake).toEqual({
      takenIn: 1,
      linked: 1,
      notTakenIn: 0,
      awaiting: 0,
      keptHere: 0,
    });
    const { rows: kept } = await reportingService.pool.query(
      'SELECT personal_id, participant_id FROM hmis_imported_clients WHERE org_id = $1 ORDER BY 1',
      [importer.orgId],
    );
    expect(kept).toEqual([
      { personal_id: 'A1', participant_id: ada!.participant_id },
      { personal_id: 'B1', participant_id: bea!.participant_id },
    ]);

    const second = await zipOf({ Client: [client('A1', 'Ada'), client('C1', 'Cleo')] });
    expect((await importToEnd(reportingService, importer, second)).status).toBe('done');
    await waitFor(async () => (await outcomes()).length === 3, 20_000, 'the new client in intake');
    const { rows } = await intakeService.pool.query(
      'SELECT count(*)::int AS n FROM participants WHERE last_name = $1',
      [surname],
    );
    // Ada here before, Ada imported (linked to her), Bea, Cleo
    expect(rows[0].n).toBe(4);
  });
});
