import { randomUUID } from 'node:crypto';
import { HmisServiceImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import {
  client,
  enrollment,
  importToEnd,
  projectP1,
  service as serviceRow,
  zipOf,
} from './import-harness';

/**
 * An import announces each Services.csv row it brought in (reporting.hmis-service.imported) once
 * the file has landed, for the services service to record on the enrollment it became.
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
  (await outboxEvents(service.pool, HmisServiceImported)).filter((e) => e.orgId === orgId);

describe("an import's services announced for the services service", () => {
  it('each accepted row with its HUD codes and FAAmount in cents; a refused row not', async () => {
    const importer = worker();
    const zip = await zipOf({
      ...projectP1,
      Client: [client('C1')],
      Enrollment: [enrollment('E1', 'C1')],
      Services: [
        serviceRow('S1', 'E1', 'C1'),
        serviceRow('S2', 'E1', 'C1', { RecordType: 152, TypeProvided: 1, FAAmount: '1250.5' }),
        // no such enrollment: refused by the import, never announced
        serviceRow('S3', 'E9', 'C1'),
      ],
    });
    const answer = await importToEnd(service, importer, zip);
    expect(answer.status).toBe('done');

    const events = await announcedTo(importer.orgId);
    expect(events.map((e) => e.data.servicesId).sort()).toEqual(['S1', 'S2']);
    const of = (id: string) => events.find((e) => e.data.servicesId === id)!;
    expect(of('S1')).toMatchObject({
      orgId: importer.orgId,
      actor: { userId: importer.userId, name: 'Ines' },
      data: {
        importId: answer.id,
        exportId: 'EXP1',
        servicesId: 'S1',
        enrollmentId: 'E1',
        personalId: 'C1',
        importerRoles: ['caseworker'],
        dateProvided: '2025-02-01',
        recordType: 200,
        typeProvided: 200,
        faAmountCents: null,
      },
    });
    expect(of('S2').data).toMatchObject({
      recordType: 152,
      typeProvided: 1,
      faAmountCents: 125050,
    });
  });

  it('the same zip again announces nothing more', async () => {
    const importer = worker();
    const zip = await zipOf({
      ...projectP1,
      Client: [client('C1')],
      Enrollment: [enrollment('E1', 'C1')],
      Services: [serviceRow('S1', 'E1', 'C1')],
    });
    await importToEnd(service, importer, zip);
    await importToEnd(service, importer, zip);
    expect(await announcedTo(importer.orgId)).toHaveLength(1);
  });
});
