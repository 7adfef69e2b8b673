import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { client, daysAgo, eventsOf, fieldsOf, startEnrollment, type Harness } from './harness';
import { createProgram, enrollAlone, recordService } from './household';

/** Participation arrives from the services service as services.service.recorded events. */
const worker = testActor({ roles: ['caseworker'] });

let h: Harness;
let e: { id: string; participantId: string };
const read = async (id = e.id) => (await client(h.url, worker).get(`/enrollments/${id}`)).body;
const statuses = async () =>
  (await read()).statusHistory.map((s: { status: string; statusDate: string }) => [
    s.status,
    s.statusDate,
  ]);

beforeAll(async () => {
  h = await startEnrollment();
  const program = await createProgram(h, worker, {
    name: 'Coaching',
    fundingSource: 'KtP',
    activeFrom: '2020-01-01',
  });
  e = await enrollAlone(h, worker, program, daysAgo(60));
});
afterAll(() => h?.close());

describe('participation from services', () => {
  it('keeps the last qualifying service date without starting participation', async () => {
    await recordService(h, e, daysAgo(50), { startsParticipation: false, qualifying: true });
    expect(await read()).toMatchObject({
      status: 'application',
      participationDate: null,
      lastQualifyingServiceDate: daysAgo(50),
    });
    const exit = await client(h.url, worker).post(`/enrollments/${e.id}/exit`, {
      kind: 'exit',
      exitDate: daysAgo(1),
      reason: 'completed',
      housingStatusAtExit: 'shelter',
    });
    expect(fieldsOf(exit.body)).toEqual(['kind']); // not participating yet: a pre-program exit
  });

  it('sets Participation from the first service that starts it, once', async () => {
    await recordService(h, e, daysAgo(40), { startsParticipation: true, qualifying: true });
    expect(await read()).toMatchObject({ status: 'participation', participationDate: daysAgo(40) });
    await recordService(h, e, daysAgo(30), { startsParticipation: true, qualifying: false });
    expect(await statuses()).toEqual([
      ['participation', daysAgo(40)],
      ['application', daysAgo(60)],
    ]);
    expect((await read()).lastQualifyingServiceDate).toBe(daysAgo(40)); // that one did not qualify
    const events = await eventsOf(h, e.id);
    expect(events.filter((t) => t === 'enrollment.status.changed')).toHaveLength(2);
    const changed = await h.pool.query(
      "SELECT envelope FROM outbox WHERE routing_key = 'enrollment.status.changed' ORDER BY seq DESC LIMIT 1",
    );
    expect(changed.rows[0].envelope.data).toMatchObject({
      enrollmentId: e.id,
      status: 'participation',
      statusDate: daysAgo(40),
      previousStatus: 'application',
    });
  });

  it('moves participation back for a back-dated service that started earlier', async () => {
    await recordService(h, e, daysAgo(45), { startsParticipation: true, qualifying: true });
    expect(await statuses()).toEqual([
      ['participation', daysAgo(45)],
      ['application', daysAgo(60)],
    ]);
    expect((await read()).lastQualifyingServiceDate).toBe(daysAgo(40)); // the latest stays
  });

  it('ignores a service for an enrollment it does not know', async () => {
    const before = await eventsOf(h, e.id);
    await recordService(h, { id: randomUUID(), participantId: e.participantId }, daysAgo(1), {
      startsParticipation: true,
      qualifying: true,
    });
    expect(await eventsOf(h, e.id)).toEqual(before);
  });
});
