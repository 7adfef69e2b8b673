import { randomUUID } from 'node:crypto';
import { HmisEnrollmentImported, HmisExitImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { client, enrollment, exit, importToEnd, projectP1, zipOf } from './import-harness';

/**
 * A later import's Exit.csv row for an enrollment an earlier import carried onward (the client
 * left after that export) is announced to enrollment by the ExportID it knows the enrollment by;
 * the exits of the later import's own enrollments ride on their announcement, and the same zip
 * again announces nothing.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => service?.close());

/** Export.csv of a later export from the same system (the harness's is EXP1). */
const exportRow = (id: string) =>
  `"${id}",1,"XX-501","Elsewhere HMIS","","","","","",2026-09-13 19:06:16,2019-10-01,2026-10-31,"Other","v1","2026 v1.0",3,2,1,""`;
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

  // the same zip again: replayed, nothing more announced
  const again = await importToEnd(service, importer, later);
  expect(again.id).toBe(second.id);
  expect(await exitsOf(importer.orgId)).toHaveLength(1);
});
