import { randomUUID } from 'node:crypto';
import { EnrollmentExited, RentAssistancePreProgramExited, type Envelope } from '@hearth/events';
import { outboxEvents, waitFor } from '@hearth/testkit';
import { client, counts, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { recordService } from './household';
import {
  coachParticipant,
  fullRegistration,
  organizations,
  referToHub,
  rentAssistanceProgram,
} from './rent-assistance-fixtures';

const orgs = organizations();
let h: Harness;
let program: string;
beforeAll(async () => {
  h = await startEnrollment();
  program = await rentAssistanceProgram(h, orgs);
});
afterAll(() => h?.close());

async function referral() {
  const participantId = await coachParticipant(h, orgs);
  const record = (await referToHub(h, orgs, program, participantId)).body;
  return { participantId, enrollmentId: record.id as string };
}

const preProgramExit = (
  r: { participantId: string; enrollmentId: string },
  more: Partial<{
    hubOrgId: string;
    exitDate: string;
    reason: 'referral_rejected' | 'not_reviewed_in_45_days';
  }> = {},
) =>
  h.publish(
    RentAssistancePreProgramExited,
    {
      enrollmentId: r.enrollmentId,
      participantId: r.participantId,
      hubOrgId: orgs.hubOrgId,
      exitDate: daysAgo(3),
      reason: 'referral_rejected',
      caseNoteId: randomUUID(),
      ...more,
    },
    { orgId: orgs.hubOrgId },
  );

/** Put an envelope on the broker as it is (a redelivery, or an old announcement arriving late). */
async function deliverAsIs(envelope: Envelope<unknown>) {
  const channel = h.service.ctx.broker.publisher!;
  channel.publish(h.exchange, envelope.type, Buffer.from(JSON.stringify(envelope)), {
    messageId: envelope.id,
    persistent: true,
  });
  await channel.waitForConfirms();
}
const handled = (eventId: string) =>
  waitFor(
    async () =>
      (await h.pool.query('SELECT 1 FROM processed_events WHERE event_id = $1', [eventId]))
        .rowCount === 1,
    10_000,
    'the late announcement to be handled',
  );

const read = async (id: string) => (await client(h.url, orgs.coach).get(`/enrollments/${id}`)).body;
const exitsOf = async (id: string) =>
  (await outboxEvents(h.pool, EnrollmentExited)).filter((e) => e.data.enrollmentId === id);
const preProgramStatuses = async (id: string) =>
  (await read(id)).statusHistory.filter((s: { status: string }) => s.status === 'pre_program_exit');

describe("the hub's pre-program exit of a Rent Assistance record", () => {
  it('sets Pre-Program Exit on the date and with the reason of the event, announced as an exit', async () => {
    const r = await referral();
    await preProgramExit(r);
    expect(await read(r.enrollmentId)).toMatchObject({
      status: 'pre_program_exit',
      active: false,
      exit: { exitDate: daysAgo(3), kind: 'pre_program_exit', reason: 'referral_rejected' },
    });
    expect((await exitsOf(r.enrollmentId)).map((e) => e.data)).toEqual([
      expect.objectContaining({
        kind: 'pre_program_exit',
        exitDate: daysAgo(3),
        reason: 'referral_rejected',
      }),
    ]);
  });

  it('left unreviewed 45 days it reads "no qualifying service"', async () => {
    const r = await referral();
    await preProgramExit(r, { reason: 'not_reviewed_in_45_days', exitDate: daysAgo(1) });
    expect((await read(r.enrollmentId)).exit).toMatchObject({
      exitDate: daysAgo(1),
      reason: 'no_qualifying_service',
    });
  });

  it('a redelivered event and a second announcement change nothing', async () => {
    const r = await referral();
    const first = await preProgramExit(r);
    // the broker delivers the same message again (same id), then the job announces once more
    await deliverAsIs(first);
    await preProgramExit(r, { reason: 'not_reviewed_in_45_days', exitDate: daysAgo(1) });
    expect(await preProgramStatuses(r.enrollmentId)).toHaveLength(1);
    expect(await exitsOf(r.enrollmentId)).toHaveLength(1);
    expect((await read(r.enrollmentId)).exit).toMatchObject({ reason: 'referral_rejected' });
  });

  it("is ignored from a hub that is not the record's, and for an unknown enrollment", async () => {
    const r = await referral();
    await preProgramExit(r, { hubOrgId: randomUUID() });
    await preProgramExit({ ...r, enrollmentId: randomUUID() });
    expect(await read(r.enrollmentId)).toMatchObject({ status: 'application', active: true });
  });

  it("an exit the hub's contract manager removed stands against an announcement sent before the removal", async () => {
    const r = await referral();
    const first = await preProgramExit(r);
    const removal = await client(h.url, orgs.hubContractManager).post(
      `/enrollments/${r.enrollmentId}/exit-removal`,
    );
    expect(removal.status).toBe(200);
    expect(removal.body).toMatchObject({ status: 'exit_removed', active: true });
    // an announcement made before the removal (as the 45-day job's, delayed) arrives late
    const late = { ...first, id: randomUUID() };
    await deliverAsIs(late);
    await handled(late.id);
    expect(await read(r.enrollmentId)).toMatchObject({ status: 'exit_removed', active: true });
  });
});

describe('exit removal of a Rent Assistance record', () => {
  it("is the hub's contract manager's too (the provider's); another organization's is 404", async () => {
    const r = await referral();
    await preProgramExit(r);
    const stranger = await client(h.url, orgs.strangerContractManager).post(
      `/enrollments/${r.enrollmentId}/exit-removal`,
    );
    expect(stranger.status).toBe(404);
    expect((await read(r.enrollmentId)).active).toBe(false);
    const hub = await client(h.url, orgs.hubContractManager).post(
      `/enrollments/${r.enrollmentId}/exit-removal`,
    );
    expect(hub.status).toBe(200);
  });
});

describe('the exit of a Rent Assistance record', () => {
  it("is the hub staff's too once served, but a hub's pre-program exit is rent-assistance's (422 on kind)", async () => {
    const r = await referral();
    // the Hub Final Rent Exit (starts participation and qualifies) sets the exit date
    await recordService(h, { id: r.enrollmentId, participantId: r.participantId }, daysAgo(1), {
      startsParticipation: true,
      qualifying: true,
    });
    const exit = (actor: typeof orgs.hub, kind: string) =>
      client(h.url, actor).post(`/enrollments/${r.enrollmentId}/exit`, {
        kind,
        exitDate: daysAgo(1),
        reason: kind === 'exit' ? 'completed' : 'referral_rejected',
        housingStatusAtExit: 'permanent_housing',
      });
    const preProgram = await exit(orgs.hub, 'pre_program_exit');
    expect(preProgram.status).toBe(422);
    expect(fieldsOf(preProgram.body)).toEqual(['kind']);
    expect((await exit(orgs.stranger, 'exit')).status).toBe(404);
    expect((await exit({ ...orgs.hub, roles: ['caseworker'] }, 'exit')).status).toBe(403);
    const byHub = await exit(orgs.hub, 'exit');
    expect(byHub.status).toBe(200);
    expect(byHub.body).toMatchObject({ status: 'exit', exit: { exitDate: daysAgo(1) } });
  });
});

describe('a participant returning for Rent Assistance', () => {
  /** A record served from `applied` and exited (a regular exit) on `exitDate`. */
  async function exitedRecord(participantId: string, applied: string, exitDate: string) {
    const created = await client(h.url, orgs.coach).post('/enrollments', {
      programId: program,
      headParticipantId: participantId,
      applicationDate: applied,
      registration: fullRegistration,
    });
    const e = { id: created.body.id as string, participantId };
    await recordService(h, e, applied, { startsParticipation: true, qualifying: false });
    await recordService(h, e, exitDate, { startsParticipation: true, qualifying: true });
    const exit = await client(h.url, orgs.coach).post(`/enrollments/${e.id}/exit`, {
      kind: 'exit',
      exitDate,
      reason: 'completed',
      housingStatusAtExit: 'permanent_housing',
    });
    expect(exit.status).toBe(200);
    return e.id;
  }

  it('within 90 days of the exit continues the record: a new one is a 409 naming it, nothing written', async () => {
    const participantId = await coachParticipant(h, orgs);
    const old = await exitedRecord(participantId, daysAgo(120), daysAgo(90));
    const before = await counts(h);
    const again = await referToHub(h, orgs, program, participantId);
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['headParticipantId']);
    expect(again.body.errors[0].message).toContain(old);
    expect(await counts(h)).toEqual(before);
  });

  it('after 90 days needs a new record', async () => {
    const participantId = await coachParticipant(h, orgs);
    await exitedRecord(participantId, daysAgo(120), daysAgo(91));
    expect((await referToHub(h, orgs, program, participantId)).status).toBe(201);
  });

  it('after a pre-program exit may be referred again at once', async () => {
    const r = await referral();
    await preProgramExit(r);
    expect((await referToHub(h, orgs, program, r.participantId)).status).toBe(201);
  });
});
