import { randomUUID } from 'node:crypto';
import { HmisEnrollmentImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { client, enrollment, exit, importToEnd, projectP1, zipOf } from './import-harness';

/**
 * An import announces each enrollment it brought in (reporting.hmis-enrollment.imported) with its
 * project and its exit, once Enrollment.csv and Exit.csv have landed, for enrollment to record.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-09-01T12:00:00Z'),
  });
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'], name: 'Ines' });
const announcedTo = async (orgId: string) =>
  (await outboxEvents(service.pool, HmisEnrollmentImported)).filter((e) => e.orgId === orgId);

describe("an import's enrollments announced for enrollment", () => {
  it('each enrollment with its project and its exit in our words; an open one without', async () => {
    const importer = worker();
    const zip = await zipOf({
      ...projectP1,
      Client: [client('C1'), client('C2')],
      Enrollment: [enrollment('E1', 'C1'), enrollment('E2', 'C2', { RelationshipToHoH: 1 })],
      Exit: [exit('X1', 'E1', 'C1', { Destination: 101 })],
    });
    const answer = await importToEnd(service, importer, zip);
    expect(answer.status).toBe('done');

    const events = await announcedTo(importer.orgId);
    expect(events.map((e) => e.data.enrollmentId).sort()).toEqual(['E1', 'E2']);
    const of = (id: string) => events.find((e) => e.data.enrollmentId === id)!;
    expect(of('E1')).toMatchObject({
      orgId: importer.orgId,
      actor: { userId: importer.userId, name: 'Ines' },
      data: {
        importId: answer.id,
        exportId: 'EXP1',
        personalId: 'C1',
        importerRoles: ['caseworker'],
        project: {
          projectId: 'P1',
          name: 'Project P1',
          projectType: 13,
          operatingStartDate: '2020-01-01',
        },
        entryDate: '2025-01-15',
        relationshipToHoH: 1,
        householdId: 'E1HH',
        // 101 Emergency shelter: our shelter, the reason not given by Exit.csv
        exit: {
          exitId: 'X1',
          exitDate: '2025-06-30',
          destination: 101,
          reason: 'other',
          housingStatusAtExit: 'shelter',
        },
      },
    });
    expect(of('E2').data.exit).toBeNull();
  });

  it('the same zip again announces nothing more', async () => {
    const importer = worker();
    const zip = await zipOf({
      ...projectP1,
      Client: [client('C1')],
      Enrollment: [enrollment('E1', 'C1')],
    });
    await importToEnd(service, importer, zip);
    await importToEnd(service, importer, zip);
    expect(await announcedTo(importer.orgId)).toHaveLength(1);
  });
});
