import { EnrollmentCreated } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, daysAgo, startEnrollment, type Harness } from './harness';
import { createProgram, enrollAlone } from './household';

const supervisor = testActor({ roles: ['supervisor'] });
const worker = testActor({ roles: ['caseworker'], orgId: supervisor.orgId });

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

test("a workforce program (Keys to Progress) is a kind: its enrollments carry it for rent-assistance's ledger", async () => {
  const ktp = await createProgram(h, supervisor, {
    name: 'Keys to Progress',
    fundingSource: 'KtP',
    activeFrom: '2020-01-01',
    kind: 'workforce',
  });
  expect((await client(h.url, worker).get(`/programs/${ktp}`)).body.kind).toBe('workforce');
  const record = await enrollAlone(h, worker, ktp, daysAgo(5));
  const created = (await outboxEvents(h.pool, EnrollmentCreated)).find(
    (e) => e.data.enrollmentId === record.id,
  )!;
  expect(created.data.programKind).toBe('workforce');
});
