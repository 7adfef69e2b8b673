import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { openZip } from '../src/adapters/zip-upload';
import { writeUpload } from '../src/store/import-jobs';
import { importHudFile } from '../src/use-cases/import-hud-file';
import {
  client,
  declaringSize,
  enrollment,
  importedCounts,
  postImport,
  projectP1,
  untilFinished,
  zipOf,
} from './import-harness';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());
const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });

const start = (databaseUrl: string, pollMs: number) =>
  startServiceForTest(reporting, reportingEnv, {
    databaseUrl,
    env: { HMIS_IMPORT_POLL_MS: String(pollMs) },
    clock: () => new Date('2026-09-01T12:00:00Z'),
  });

test('an import left running by a process that died is taken up by the next one, going on from the first file that had not landed, no row counted twice', async () => {
  const db = await createTestDatabase('reporting');
  try {
    // the process that dies: its job would not tick for half a minute, long after it is gone
    const dying = await start(db.url, 3_600_000);
    const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    const zip = await zipOf({
      ...projectP1,
      Client: [client('A'), client('B')],
      Enrollment: [enrollment('E1', 'A'), enrollment('E2', 'B'), enrollment('E3', 'Q')],
    });
    const queued = await postImport(dying, actor, zip);
    expect(queued.body.status).toBe('queued');
    // what it did before dying: the files up to Client.csv landed, Enrollment.csv half-counted
    const dir = await mkdtemp(join(tmpdir(), 'restart-test-'));
    await writeUpload(dying.pool, queued.body.id, join(dir, 'upload.zip'));
    const entries = await openZip(join(dir, 'upload.zip'));
    const job = { id: queued.body.id, orgId: actor.orgId, exportId: 'EXP1', importer: actor };
    for (const file of ['Organization', 'Project', 'Client'] as const)
      await importHudFile(dying.service.ctx, entries, job, file, 1000);
    entries.close();
    await rm(dir, { recursive: true });
    await dying.pool.query(
      `UPDATE hmis_imports SET status = 'running', started_at = now(),
         counts = jsonb_set(counts, '{Enrollment}', '{"read":2,"accepted":2,"alreadyHeld":0,"refused":0}')
       WHERE import_id = $1`,
      [job.id],
    );
    await dying.close();

    const next = await start(db.url, 100);
    try {
      const { final } = await untilFinished(next, actor, job.id);
      expect(final.status).toBe('done');
      expect(final.files).toEqual({
        Organization: { read: 1, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
        Project: { read: 1, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
        Funder: { read: 0, accepted: 0, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
        Client: { read: 2, accepted: 2, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
        Enrollment: { read: 3, accepted: 2, alreadyHeld: 0, updated: 0, deleted: 0, refused: 1 },
        Exit: { read: 0, accepted: 0, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
        Services: { read: 0, accepted: 0, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
      });
      expect(final.refusals).toEqual([
        {
          file: 'Enrollment.csv',
          row: 4,
          column: 'PersonalID',
          message: 'No such client in Client.csv or an earlier import',
        },
      ]);
      // the job acts for who queued the import, long after their request
      const { rows } = await next.pool.query(
        'SELECT imported_by, importer_roles, importer_name FROM hmis_imports WHERE import_id = $1',
        [job.id],
      );
      expect(rows).toEqual([
        { imported_by: actor.userId, importer_roles: ['caseworker'], importer_name: 'Test Worker' },
      ]);
      expect(await importedCounts(next, actor.orgId)).toEqual({
        clients: 2,
        enrollments: 2,
        exits: 0,
        imports: 1,
      });
    } finally {
      await next.close();
    }
  } finally {
    await db.drop();
  }
}, 90_000);

test('an entry that inflates past its size beyond its header row refuses the whole zip in the job, and imports none of its files', async () => {
  const actor = worker();
  // big enough that the header row reads before the lie shows: the job finds it, not the request
  const clients = Array.from({ length: 3000 }, (_, i) => client(`C${i}`));
  const zip = declaringSize(await zipOf({ Client: clients }), 'Client.csv', 100_000);
  const queued = await postImport(service, actor, zip);
  expect(queued.status).toBe(202);
  const { final } = await untilFinished(service, actor, queued.body.id);
  expect(final.status).toBe('refused');
  expect(final.problem).toEqual({
    title: 'Client.csv could not be read',
    errors: [{ field: 'Client.csv', message: expect.stringMatching(/too many bytes/) }],
  });
  expect(await importedCounts(service, actor.orgId)).toEqual({
    clients: 0,
    enrollments: 0,
    exits: 0,
    imports: 1,
  });
}, 60_000);

test('the same zip sent twice at once is imported once: both answers name the one import', async () => {
  const actor = worker();
  const zip = await zipOf({
    ...projectP1,
    Client: [client('A')],
    Enrollment: [enrollment('E1', 'A')],
  });
  const answers = await Promise.all([
    postImport(service, actor, zip),
    postImport(service, actor, zip),
  ]);
  expect(answers.map((a) => a.status)).toEqual([202, 202]);
  expect(answers[0].body.id).toBe(answers[1].body.id);
  expect(answers.map((a) => a.body.replayed).sort()).toEqual([false, true]);
  await untilFinished(service, actor, answers[0].body.id);
  expect(await importedCounts(service, actor.orgId)).toEqual({
    clients: 1,
    enrollments: 1,
    exits: 0,
    imports: 1,
  });
});

test('an import whose job failed three times is refused saying so, so it never holds up the imports queued after it', async () => {
  const db = await createTestDatabase('reporting');
  try {
    const dying = await start(db.url, 3_600_000);
    const actor = worker();
    const queued = await postImport(dying, actor, await zipOf({ Client: [client('A')] }));
    // three runs begun, none finished: what a job failing each time (not on a row) leaves
    await dying.pool.query(
      "UPDATE hmis_imports SET status = 'running', attempts = 3 WHERE import_id = $1",
      [queued.body.id],
    );
    const after = await postImport(dying, actor, await zipOf({ Client: [client('B')] }));
    await dying.close();
    const next = await start(db.url, 100);
    try {
      const { final } = await untilFinished(next, actor, queued.body.id);
      expect(final).toMatchObject({
        status: 'refused',
        problem: {
          title: 'The import job failed 3 times on this zip; the files landed before stay',
          errors: [{ field: 'file', message: 'Not imported after 3 runs' }],
        },
      });
      expect((await untilFinished(next, actor, after.body.id)).final.status).toBe('done');
      expect(await importedCounts(next, actor.orgId)).toMatchObject({ clients: 1, imports: 2 });
    } finally {
      await next.close();
    }
  } finally {
    await db.drop();
  }
}, 90_000);
