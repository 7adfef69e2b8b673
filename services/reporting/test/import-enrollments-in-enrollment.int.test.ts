import { randomUUID } from 'node:crypto';
import { HmisEnrollmentSettled } from '@hearth/events';
import { publishAndWait, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { client, enrollment, getImport, importToEnd, projectP1, zipOf } from './import-harness';

/**
 * Enrollment answers each imported enrollment with `enrollment.hmis-enrollment.settled`; the
 * import's report counts its Enrollment.csv rows recorded, refused (listed with the reason) and
 * pending, first answer only.
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
  enrollmentId: string,
  outcome: { recordedAs: string } | { refused: string },
  exportId = 'EXP1',
) =>
  publishAndWait(
    service,
    HmisEnrollmentSettled,
    {
      importId,
      exportId,
      enrollmentId,
      personalId: 'P1',
      ...('recordedAs' in outcome
        ? {
            outcome: 'recorded' as const,
            recordedAs: outcome.recordedAs,
            programId: randomUUID(),
            participantId: randomUUID(),
            exitDate: null,
          }
        : { outcome: 'refused' as const, reason: outcome.refused }),
    },
    { orgId: importer.orgId },
  );
const inEnrollmentOf = async (importer: ReturnType<typeof worker>, id: string) => {
  const got = await getImport(service, importer, id);
  expect(got.status).toBe(200);
  return (got.body as unknown as { enrollmentsInEnrollment: unknown }).enrollmentsInEnrollment;
};
/** Five enrollments of five clients, one with an EnrollmentID past HUD's 32 characters. */
async function imported(importer: ReturnType<typeof worker>) {
  const ids = ['E1', 'E2', 'E3', 'E4', LONG_ID];
  const zip = await zipOf({
    ...projectP1,
    Client: ids.map((_, i) => client(`C${i + 1}`)),
    Enrollment: ids.map((id, i) => enrollment(id, `C${i + 1}`)),
  });
  const done = await importToEnd(service, importer, zip);
  expect(done.status).toBe('done');
  return done.id;
}

describe("what enrollment made of an import's enrollments", () => {
  it('counts recorded, refused with the reason and pending, by hand', async () => {
    const importer = worker();
    const id = await imported(importer);
    // four announced (the long id is reporting's alone), none answered
    expect(await inEnrollmentOf(importer, id)).toEqual({
      recorded: 0,
      refused: 0,
      pending: 4,
      refusals: [],
    });
    const ours = randomUUID();
    await settled(importer, id, 'E1', { recordedAs: ours });
    // a member joins its head's enrollment: the same id of ours, counted once per row
    await settled(importer, id, 'E2', { recordedAs: ours });
    await settled(importer, id, 'E3', { refused: 'Intake did not take the client in: no name' });
    // E1 recorded + E2 recorded = 2; E3 refused = 1; E4 unanswered = 1 pending
    expect(await inEnrollmentOf(importer, id)).toEqual({
      recorded: 2,
      refused: 1,
      pending: 1,
      refusals: [
        {
          file: 'Enrollment.csv',
          enrollmentId: 'E3',
          message: 'Intake did not take the client in: no name',
        },
      ],
    });
  });

  it('a repeated answer, or one naming another organization, import or export, changes nothing', async () => {
    const importer = worker();
    const id = await imported(importer);
    await settled(importer, id, 'E1', { refused: 'The head already has an open enrollment' });
    const before = await inEnrollmentOf(importer, id);
    await settled(importer, id, 'E1', { recordedAs: randomUUID() }); // the first answer stays
    await settled(worker(), id, 'E2', { recordedAs: randomUUID() });
    await settled(importer, randomUUID(), 'E2', { recordedAs: randomUUID() });
    await settled(importer, id, 'E2', { recordedAs: randomUUID() }, 'OTHER');
    await settled(importer, id, 'Z9', { recordedAs: randomUUID() }); // not this import's
    expect(await inEnrollmentOf(importer, id)).toEqual(before);
    expect(before).toMatchObject({ recorded: 0, refused: 1, pending: 3 });
  });

  it('another organization cannot read the import’s report', async () => {
    const importer = worker();
    const id = await imported(importer);
    expect((await getImport(service, worker(), id)).status).toBe(404);
  });
});
