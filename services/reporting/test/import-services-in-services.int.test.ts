import { randomUUID } from 'node:crypto';
import { HmisEnrollmentSettledV1, HmisServiceSettled } from '@hearth/events';
import { publishAndWait, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import {
  client,
  enrollment,
  getImport,
  importToEnd,
  projectP1,
  service as serviceRow,
  zipOf,
} from './import-harness';

/**
 * The services service answers each imported service with `services.hmis-service.settled`; the
 * import's report counts its Services.csv rows recorded, refused (listed with the reason) and
 * awaiting, first answer only.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
const LONG_ID = 'L'.repeat(33); // past HUD's 32 characters: never announced
const settled = (
  importer: { orgId: string },
  importId: string,
  servicesId: string,
  outcome: { recordedAs: string } | { refused: string },
  exportId = 'EXP1',
) =>
  publishAndWait(
    service,
    HmisServiceSettled,
    {
      importId,
      exportId,
      servicesId,
      ...('recordedAs' in outcome
        ? { outcome: 'recorded' as const, recordedAs: outcome.recordedAs }
        : { outcome: 'refused' as const, reason: outcome.refused }),
    },
    { orgId: importer.orgId },
  );
const reportOf = async (importer: ReturnType<typeof worker>, id: string) => {
  const got = await getImport(service, importer, id);
  expect(got.status).toBe(200);
  return got.body as unknown as {
    servicesInServices: unknown;
    enrollmentsInEnrollment: { recorded: number; refused: number; pending: number };
  };
};
/** One enrollment with five services, one with a ServicesID past HUD's 32 characters. */
async function imported(importer: ReturnType<typeof worker>) {
  const ids = ['S1', 'S2', 'S3', 'S4', LONG_ID];
  const zip = await zipOf({
    ...projectP1,
    Client: [client('C1')],
    Enrollment: [enrollment('E1', 'C1')],
    Services: ids.map((id) => serviceRow(id, 'E1', 'C1')),
  });
  const done = await importToEnd(service, importer, zip);
  expect(done.status).toBe('done');
  return done.id;
}

describe("what services made of an import's services", () => {
  it('counts recorded, refused with the reason and awaiting, by hand', async () => {
    const importer = worker();
    const id = await imported(importer);
    // four announced (the long id is reporting's alone), none answered
    expect((await reportOf(importer, id)).servicesInServices).toEqual({
      recorded: 0,
      refused: 0,
      awaiting: 4,
      refusals: [],
    });
    await settled(importer, id, 'S1', { recordedAs: randomUUID() });
    await settled(importer, id, 'S3', { refused: 'Its enrollment was not recorded: no name' });
    await settled(importer, id, 'S2', { recordedAs: randomUUID() });
    // S1 + S2 recorded = 2; S3 refused = 1; S4 unanswered = 1 awaiting
    expect((await reportOf(importer, id)).servicesInServices).toEqual({
      recorded: 2,
      refused: 1,
      awaiting: 1,
      refusals: [
        {
          file: 'Services.csv',
          servicesId: 'S3',
          message: 'Its enrollment was not recorded: no name',
        },
      ],
    });
  });

  it('a repeated answer, or one naming another organization, import or export, changes nothing', async () => {
    const importer = worker();
    const id = await imported(importer);
    await settled(importer, id, 'S1', { refused: 'The enrollment is not active on this date' });
    const before = (await reportOf(importer, id)).servicesInServices;
    await settled(importer, id, 'S1', { recordedAs: randomUUID() }); // the first answer stays
    await settled(worker(), id, 'S2', { recordedAs: randomUUID() });
    await settled(importer, randomUUID(), 'S2', { recordedAs: randomUUID() });
    await settled(importer, id, 'S2', { recordedAs: randomUUID() }, 'OTHER');
    await settled(importer, id, 'Z9', { recordedAs: randomUUID() }); // not this import's
    expect((await reportOf(importer, id)).servicesInServices).toEqual(before);
    expect(before).toMatchObject({ recorded: 0, refused: 1, awaiting: 3 });
  });

  it('enrollment’s v1 settled answer, as an outbox may still hold, is still counted', async () => {
    const importer = worker();
    const id = await imported(importer);
    await publishAndWait(
      service,
      HmisEnrollmentSettledV1,
      {
        importId: id,
        exportId: 'EXP1',
        enrollmentId: 'E1',
        outcome: 'refused',
        recordedAs: null,
        reason: 'The head already has an open enrollment',
      },
      { orgId: importer.orgId },
    );
    expect((await reportOf(importer, id)).enrollmentsInEnrollment).toMatchObject({
      recorded: 0,
      refused: 1,
      pending: 0,
    });
  });
});
