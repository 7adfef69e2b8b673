import { randomUUID } from 'node:crypto';
import { HmisEnrollmentImported, HmisExitImported, HmisExitSettled } from '@hearth/events';
import {
  outboxEvents,
  publishAndWait,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import {
  client,
  enrollment,
  exit,
  getImport,
  importToEnd,
  projectP1,
  zipOf,
} from './import-harness';

/**
 * A later import's Exit.csv row for an enrollment an earlier import carried onward (the client
 * left after that export) is announced to enrollment by the ExportID it knows the enrollment by;
 * the exits of the later import's own enrollments ride on their announcement, and the same zip
 * again announces nothing. Enrollment's answer for each is counted in the later import's report.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => service?.close());

/** Export.csv of a later export from the same system (the harness's is EXP1). */
const exportRow = (id: string) =>
  `"${id}",1,"XX-501","Elsewhere HMIS","","","","","",2026-09-13 19:06:16,2019-10-01,2026-10-31,"Other","v1","2026 v1.0",3,2,1,""`;
const laterExitsOf = async (importer: ReturnType<typeof testActor>, id: string) =>
  ((await getImport(service, importer, id)).body as unknown as { laterExitsInEnrollment: unknown })
    .laterExitsInEnrollment;
const answer = (orgId: string, importId: string, exitId: string, reason: string | null) =>
  publishAndWait(
    service,
    HmisExitSettled,
    { importId, exitId, outcome: reason ? 'refused' : 'recorded', reason },
    { orgId },
  );
const exitsOf = async (orgId: string) =>
  (await outboxEvents(service.pool, HmisExitImported)).filter((e) => e.orgId === orgId);

it('announces the later exit of an earlier import’s enrollment, once', async () => {
  const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'], name: 'Ines' });
  const first = await importToEnd(
    service,
    importer,
    await zipOf({
      ...projectP1,
      Client: [client('C1'), client('C2')],
      Enrollment: [enrollment('E1', 'C1')],
    }),
  );
  expect(first.status).toBe('done');
  const later = await zipOf({
    ...projectP1,
    Export: [exportRow('EXP2')],
    Client: [client('C1'), client('C2')],
    // E1 again as held; E2 new here with its own exit
    Enrollment: [enrollment('E1', 'C1'), enrollment('E2', 'C2')],
    Exit: [
      exit('X1', 'E1', 'C1', { ExitDate: '2025-08-31', Destination: 410 }),
      exit('X2', 'E2', 'C2'),
    ],
  });
  const second = await importToEnd(service, importer, later);
  expect(second.status).toBe('done');

  const announced = await exitsOf(importer.orgId);
  expect(announced).toHaveLength(1);
  expect(announced[0]).toMatchObject({
    actor: { userId: importer.userId },
    data: {
      importId: second.id,
      exportId: 'EXP1',
      enrollmentId: 'E1',
      personalId: 'C1',
      // HUD 410: rental by client, no ongoing subsidy
      exit: { exitId: 'X1', exitDate: '2025-08-31', destination: 410 },
    },
  });
  // E2 is announced as this import's enrollment, with its exit
  const e2 = (await outboxEvents(service.pool, HmisEnrollmentImported)).filter(
    (e) => e.orgId === importer.orgId && e.data.enrollmentId === 'E2',
  );
  expect(e2.map((e) => e.data.exit?.exitId)).toEqual(['X2']);

  // the later import's report: X1 awaiting enrollment's answer (X2 rides on E2's, not here)
  expect(await laterExitsOf(importer, second.id)).toEqual({
    recorded: 0,
    withEnrollment: 0,
    refused: 0,
    awaiting: 1,
    refusals: [],
  });
  const why = 'The exit is not possible.; exitDate: Must not be in the future';
  await answer(importer.orgId, second.id, 'X1', why);
  await answer(importer.orgId, second.id, 'X1', null); // the first answer stays
  await answer(importer.orgId, first.id, 'X1', null); // not the earlier import's
  await answer(importer.orgId, second.id, 'X2', null); // not a later exit: not counted
  await answer(randomUUID(), second.id, 'X1', null); // another organization's
  expect(await laterExitsOf(importer, second.id)).toEqual({
    recorded: 0,
    withEnrollment: 0,
    refused: 1,
    awaiting: 0,
    refusals: [{ file: 'Exit.csv', exitId: 'X1', message: why }],
  });

  // the same zip again: replayed, nothing more announced
  const again = await importToEnd(service, importer, later);
  expect(again.id).toBe(second.id);
  expect(await exitsOf(importer.orgId)).toHaveLength(1);
});
