import { randomUUID } from 'node:crypto';
import { EnrollmentExited, ServiceDeleted, ServiceRecorded } from '@hearth/events';
import { outboxEvents } from '@hearth/testkit';
import { autoExitIdleEnrollments } from '../src/use-cases/auto-exit-idle-enrollments';
import { client, counts, fieldsOf, startEnrollment, type Harness } from './harness';
import {
  coachParticipant,
  fullRegistration,
  organizations,
  rentAssistanceProgram,
} from './rent-assistance-fixtures';

/**
 * The exit of a Rent Assistance record after its Hub Final Rent Exit service (I-Trac RA guide).
 * Today is 2026-12-02 on the service's clock; the record applied 2026-09-01, the hub's Rapid
 * Rehousing of 2026-09-15 started participation, and the hub paid rent through November: its
 * final-rent service is dated 2026-11-30, the last day of the last month paid.
 */
const NOW = new Date('2026-12-02T15:00:00Z');
const orgs = organizations();
let h: Harness;
let program: string;
beforeAll(async () => {
  h = await startEnrollment({ clock: () => NOW });
  program = await rentAssistanceProgram(h, orgs);
});
afterAll(() => h?.close());

const flags = {
  rapidRehousing: { startsParticipation: true, qualifying: false },
  finalRentExit: { startsParticipation: true, qualifying: true },
};

/** The coach's record at the hub, applied 2026-09-01, served with Rapid Rehousing 2026-09-15. */
async function servedRecord() {
  const participantId = await coachParticipant(h, orgs);
  const created = await client(h.url, orgs.coach).post('/enrollments', {
    programId: program,
    headParticipantId: participantId,
    applicationDate: '2026-09-01',
    registration: fullRegistration,
  });
  expect(created.status).toBe(201);
  const r = { enrollmentId: created.body.id as string, participantId };
  await hubService(r, '2026-09-15', flags.rapidRehousing);
  return r;
}

type RaRecord = { enrollmentId: string; participantId: string };
async function hubService(
  r: RaRecord,
  serviceDate: string,
  kind: { startsParticipation: boolean; qualifying: boolean },
) {
  const serviceId = randomUUID();
  await h.publish(
    ServiceRecorded,
    { serviceId, ...r, serviceTypeId: randomUUID(), serviceDate, ...kind },
    { orgId: orgs.hubOrgId },
  );
  return serviceId;
}

const exit = (r: RaRecord, exitDate: string, actor = orgs.hub) =>
  client(h.url, actor).post(`/enrollments/${r.enrollmentId}/exit`, {
    kind: 'exit',
    exitDate,
    reason: 'completed',
    housingStatusAtExit: 'permanent_housing',
  });
const read = async (r: RaRecord) =>
  (await client(h.url, orgs.coach).get(`/enrollments/${r.enrollmentId}`)).body;
const exitsOf = async (r: RaRecord) =>
  (await outboxEvents(h.pool, EnrollmentExited)).filter(
    (e) => e.data.enrollmentId === r.enrollmentId,
  );

/** Expect a 422 naming `field` with nothing written: no status, no snapshot, no event. */
async function refused(r: RaRecord, exitDate: string, field: string, actor = orgs.hub) {
  const before = await counts(h);
  const answer = await exit(r, exitDate, actor);
  expect(answer.status).toBe(422);
  expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(fieldsOf(answer.body)).toEqual([field]);
  expect(await counts(h)).toEqual(before);
  expect(await read(r)).toMatchObject({ status: 'participation', active: true, exit: null });
  return answer;
}

describe('the exit of a Rent Assistance record', () => {
  it('before a Hub Final Rent Exit service is a 422 naming the rule, by the hub or the coach, nothing written', async () => {
    const r = await servedRecord();
    expect((await read(r)).participationDate).toBe('2026-09-15');
    const answer = await refused(r, '2026-11-30', 'kind');
    expect(answer.body.errors[0].message).toMatch(/only after its Hub Final Rent Exit service/);
    await refused(r, '2026-11-30', 'kind', orgs.coach);
  });

  it('after it lands on the final-rent service date, 2026-11-30; another date is a 422 naming it', async () => {
    const r = await servedRecord();
    await hubService(r, '2026-11-30', flags.finalRentExit);
    const early = await refused(r, '2026-11-15', 'exitDate');
    expect(early.body.errors[0].message).toBe(
      'Must be the date of the Hub Final Rent Exit service, 2026-11-30 (the last day of the last month paid)',
    );
    await refused(r, '2026-12-01', 'exitDate');
    const answer = await exit(r, '2026-11-30');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'exit',
      active: false,
      exit: { exitDate: '2026-11-30', kind: 'exit', reason: 'completed' },
    });
    expect((await exitsOf(r)).map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'exit', exitDate: '2026-11-30' }),
    ]);
  });

  it('the latest standing final-rent service sets the date; a deleted one no longer counts', async () => {
    const r = await servedRecord();
    await hubService(r, '2026-10-31', flags.finalRentExit);
    const november = await hubService(r, '2026-11-30', flags.finalRentExit);
    await refused(r, '2026-10-31', 'exitDate');
    await h.publish(
      ServiceDeleted,
      {
        serviceId: november,
        ...r,
        serviceTypeId: randomUUID(),
        serviceDate: '2026-11-30',
        ...flags.finalRentExit,
        version: 2,
      },
      { orgId: orgs.hubOrgId },
    );
    await refused(r, '2026-11-30', 'exitDate');
    expect((await exit(r, '2026-10-31')).status).toBe(200);
  });

  it('after an exit removal only a final-rent service dated after the removed exit counts', async () => {
    const r = await servedRecord();
    await hubService(r, '2026-10-31', flags.finalRentExit);
    expect((await exit(r, '2026-10-31')).status).toBe(200);
    const removal = await client(h.url, orgs.hubContractManager).post(
      `/enrollments/${r.enrollmentId}/exit-removal`,
    );
    expect(removal.body).toMatchObject({ status: 'exit_removed', active: true });
    // the participant came back within 90 days: October's final rent no longer ends the record
    const again = await exit(r, '2026-10-31');
    expect(again.status).toBe(422);
    expect(fieldsOf(again.body)).toEqual(['kind']);
    await hubService(r, '2026-11-30', flags.finalRentExit);
    const second = await exit(r, '2026-11-30');
    expect(second.status).toBe(200);
    expect(second.body.exit).toMatchObject({ exitDate: '2026-11-30', kind: 'exit' });
  });

  it('a coaching service or Rapid Rehousing is no final-rent service', async () => {
    const r = await servedRecord();
    await hubService(r, '2026-11-20', { startsParticipation: false, qualifying: true });
    await hubService(r, '2026-11-30', flags.rapidRehousing);
    await refused(r, '2026-11-30', 'kind');
  });
});

describe('what the final-rent rule leaves alone', () => {
  it("the coach's pre-program exit of a record never served", async () => {
    const participantId = await coachParticipant(h, orgs);
    const created = await client(h.url, orgs.coach).post('/enrollments', {
      programId: program,
      headParticipantId: participantId,
      applicationDate: '2026-11-02',
      registration: fullRegistration,
    });
    const answer = await client(h.url, orgs.coach).post(`/enrollments/${created.body.id}/exit`, {
      kind: 'pre_program_exit',
      exitDate: '2026-11-20',
      reason: 'declined_services',
      housingStatusAtExit: 'other_see_case_notes',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'pre_program_exit',
      exit: { exitDate: '2026-11-20' },
    });
  });

  it('the auto exit of a record idle more than 90 days, with no final-rent service', async () => {
    // applied 2026-09-01 with no qualifying service (Rapid Rehousing does not extend LQ):
    // 2026-12-02 is 92 days later
    const r = await servedRecord();
    await autoExitIdleEnrollments({ pool: h.pool, clock: () => NOW });
    expect(await read(r)).toMatchObject({
      status: 'auto_exit',
      exit: { kind: 'auto_exit', exitDate: '2026-12-02' },
    });
  });
});
