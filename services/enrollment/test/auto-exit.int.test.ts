import { randomUUID } from 'node:crypto';
import { advisoryLockKey, lockKinds } from '@hearth/db';
import { testActor, waitFor } from '@hearth/testkit';
import { addDays } from '@hearth/time';
import { autoExitIdleEnrollments } from '../src/use-cases/auto-exit-idle-enrollments';
import { client, daysAgo, startEnrollment, type Harness } from './harness';
import { createProgram, enrollAlone, recordService } from './household';

/**
 * Auto exit with the clock injected: "now" jumps to day 90 and day 91 after the last qualifying
 * service instead of waiting. Two instances share one database and both run the job.
 */
const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const contractManager = testActor({ orgId: orgA, roles: ['contract_manager'] });
const lastService = daysAgo(10);
let now = new Date();
const clock = () => now;
const autoExitPass = (h: Harness) => autoExitIdleEnrollments({ pool: h.pool, clock });
const jobLock = advisoryLockKey(lockKinds.scheduledJob, 'enrollment:auto-exit');
const onDay = (days: number) => {
  now = new Date(`${addDays(lastService, days)}T12:00:00Z`);
};

let one: Harness;
let two: Harness;
const enrollments: Record<'served' | 'neverServed' | 'servedLater', string> = {
  served: '',
  neverServed: '',
  servedLater: '',
};

const autoExitsOf = async (id: string) =>
  (
    await one.pool.query(
      "SELECT status_date, recorded_by_name, recorded_by_user_id FROM program_statuses WHERE enrollment_id = $1 AND status = 'auto_exit' ORDER BY id",
      [id],
    )
  ).rows;
const exitedEvents = async (id: string) =>
  (
    await one.pool.query(
      "SELECT envelope FROM outbox WHERE routing_key = 'enrollment.enrollment.exited' AND envelope->'data'->>'enrollmentId' = $1",
      [id],
    )
  ).rows.map((r) => r.envelope);
const isOpen = async (id: string) =>
  (await one.pool.query('SELECT exit_date FROM enrollments WHERE id = $1', [id])).rows[0]
    .exit_date === null;

beforeAll(async () => {
  one = await startEnrollment({ clock, autoExit: true, autoExitEveryMs: 150 });
  two = await startEnrollment({ clock, autoExit: true, autoExitEveryMs: 150, shareWith: one });
  const program = await createProgram(one, worker, {
    name: 'Keys to Progress',
    fundingSource: 'Metro',
    activeFrom: '2020-01-01',
  });
  const served = await enrollAlone(one, worker, program, daysAgo(20));
  await recordService(one, served, lastService, { startsParticipation: true, qualifying: true });
  const servedLater = await enrollAlone(one, worker, program, daysAgo(20));
  await recordService(one, servedLater, daysAgo(5), {
    startsParticipation: true,
    qualifying: true,
  });
  enrollments.served = served.id;
  enrollments.servedLater = servedLater.id;
  // never served: idle since its application date
  enrollments.neverServed = (await enrollAlone(one, worker, program, lastService)).id;
});
afterAll(async () => {
  await two?.close();
  await one?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 600)); // several job ticks on both instances

describe('auto exit', () => {
  it('leaves enrollments alone on day 90 after the last qualifying service', async () => {
    onDay(90);
    await settle();
    expect(await autoExitPass(one)).toBe(0);
    for (const id of Object.values(enrollments)) expect(await isOpen(id)).toBe(true);
  });

  it('skips the pass on every instance while another holds the job lock', async () => {
    const holder = await one.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, $2)', [jobLock.kind, jobLock.id]);
      onDay(91);
      await settle();
      expect(await isOpen(enrollments.served)).toBe(true);
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
  });

  it('exits on day 91, once, however many instances and passes run', async () => {
    await waitFor(async () => !(await isOpen(enrollments.served)), 10_000, 'the job to auto exit');
    await waitFor(async () => !(await isOpen(enrollments.neverServed)), 10_000, 'the idle one');
    expect(await Promise.all([autoExitPass(one), autoExitPass(two)])).toEqual([0, 0]);
    expect(await autoExitPass(one)).toBe(0);
    await settle();

    const day91 = addDays(lastService, 91);
    expect(await autoExitsOf(enrollments.served)).toEqual([
      { status_date: day91, recorded_by_name: 'Auto exit (system)', recorded_by_user_id: null },
    ]);
    const events = await exitedEvents(enrollments.served);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      orgId: orgA,
      actor: { userId: null },
      data: {
        kind: 'auto_exit',
        exitDate: day91,
        reason: 'no_qualifying_service',
        housingStatusAtExit: null,
      },
    });
    const view = (await client(one.url, worker).get(`/enrollments/${enrollments.served}`)).body;
    expect(view).toMatchObject({ status: 'auto_exit', active: false, exit: { kind: 'auto_exit' } });
    expect(await isOpen(enrollments.servedLater)).toBe(true); // 86 days since its last service
  });

  it('starts the 90 days again when a contract manager removes the auto exit', async () => {
    const res = await client(one.url, contractManager).post(
      `/enrollments/${enrollments.served}/exit-removal`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'exit_removed', active: true });
    await settle();
    expect(await isOpen(enrollments.served)).toBe(true);

    onDay(91 + 91);
    await waitFor(async () => !(await isOpen(enrollments.served)), 10_000, 'the second auto exit');
    expect(await autoExitsOf(enrollments.served)).toHaveLength(2);
  });
});
