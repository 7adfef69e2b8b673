import { randomUUID } from 'node:crypto';
import { enrollmentService, enrollmentEnv } from '@hearth/enrollment';
import { startServiceForTest, testLogger, waitFor, type testActor } from '@hearth/testkit';
import { addDays, dateOf } from '@hearth/time';
import { client, createParticipant, startIntake } from './harness';

type Actor = ReturnType<typeof testActor>;
export const daysAgo = (n: number) => addDays(dateOf(new Date()), -n);

/** Intake and enrollment on one exchange, as in production: enrollment learns from intake. */
export async function startIntakeAndEnrollment() {
  const intake = await startIntake();
  const enrollment = await startServiceForTest(
    enrollmentService({ autoExit: false, annualDue: false }),
    enrollmentEnv,
    { exchange: intake.exchange, logger: testLogger('enrollment') },
  );
  return {
    intake,
    enrollment,
    close: async () => {
      await enrollment.close();
      await intake.close();
    },
  };
}
export type Both = Awaited<ReturnType<typeof startIntakeAndEnrollment>>;

/**
 * A head and spouse taken in by `worker` in intake, one family, enrolled (once enrollment has
 * heard of them) in a new program of the worker's organization, entry `entryDaysAgo` days ago.
 */
export async function enrolledHousehold(both: Both, worker: Actor, entryDaysAgo = 10) {
  const person = (firstName: string) =>
    createParticipant(both.intake.url, worker, {
      firstName,
      lastName: 'Odhiambo',
      birthDate: '1990-04-02',
      sex: 'female',
    });
  const head = await person('Amina');
  const spouse = await person('Omar');
  const family = await client(both.intake.url, worker).post('/families', {
    headParticipantId: head,
    members: [{ participantId: spouse, relationship: 'spouse' }],
  });
  if (family.status !== 201) throw new Error(`no family: ${JSON.stringify(family.body)}`);
  const program = await client(both.enrollment.url, { ...worker, roles: ['supervisor'] }).post(
    '/programs',
    {
      name: `Rapid rehousing ${randomUUID().slice(0, 6)}`,
      fundingSource: 'HUD CoC',
      activeFrom: '2020-01-01',
    },
  );
  const entryDate = daysAgo(entryDaysAgo);
  let enrollmentId = '';
  // enrollment hears of the people and their family from intake's events, a moment later
  await waitFor(async () => {
    const res = await client(both.enrollment.url, worker).post('/enrollments', {
      programId: program.body.id,
      headParticipantId: head,
      applicationDate: entryDate,
      members: [{ participantId: spouse }],
    });
    enrollmentId = res.status === 201 ? (res.body.id as string) : '';
    return res.status === 201;
  });
  return { head, spouse, enrollmentId, entryDate, programId: program.body.id as string };
}

/** The project-start assessments enrollment holds for an enrollment, as `worker` reads them. */
export async function projectStarts(both: Both, worker: Actor, enrollmentId: string) {
  const res = await client(both.enrollment.url, worker).get(
    `/enrollments/${enrollmentId}/assessments?stage=project_start`,
  );
  return (res.body.items ?? []) as Array<{
    participantId: string;
    informationDate: string;
    restriction: string;
    authorUserId: string;
    elements: Record<string, Record<string, unknown>>;
    totalMonthlyIncomeCents: number | null;
  }>;
}
