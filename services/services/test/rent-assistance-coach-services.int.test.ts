import { randomUUID } from 'node:crypto';
import { apiClient, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, enrollmentOf, serviceTypeOf } from './fixtures';
import {
  anotherRecord,
  raRecord,
  recordedEvent as eventOf,
  type Actor,
} from './rent-assistance-fixtures';

/** The coach's coaching on a Rent Assistance record: copied in, or quick, from the hub's catalog. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const tables = ['services', 'outbox'];
const recordedEvent = (serviceId: string) => eventOf(service, serviceId);

it("the coach copies a coaching service of the participant's program record into the RA record, of the hub's type of that name", async () => {
  const r = await raRecord(service);
  const ownProgram = randomUUID();
  const own = await enrollmentOf(service, {
    orgId: r.coach.orgId,
    programId: ownProgram,
    headParticipantId: r.participantId,
  });
  const coaching = await serviceTypeOf(service, r.coach.supervisor, ownProgram, {
    name: 'Career Coaching',
    startsParticipation: true,
    updatesLastQualifyingDate: true,
  });
  const coach = apiClient(service.url, r.coach.worker);
  const original = await coach.post('/services', {
    ...r.body(coaching),
    enrollmentId: own.enrollmentId,
    serviceDate: '2026-03-02',
  });
  expect(original.status).toBe(201);
  const copy = await coach.post(`/services/${original.body.id}/copies`, {
    enrollmentId: r.enrollment.enrollmentId,
  });
  expect(copy.status).toBe(201);
  expect(copy.body).toMatchObject({
    enrollmentId: r.enrollment.enrollmentId,
    serviceTypeId: r.types.careerCoaching,
    serviceDate: '2026-03-02',
    copiedFromId: original.body.id,
  });
  expect((await recordedEvent(copy.body.id))?.data).toMatchObject({
    startsParticipation: false,
    qualifying: true,
  });
});

describe('quick services on Rent Assistance records', () => {
  const quick = (actor: Actor, serviceTypeId: string, rows: object[]) =>
    apiClient(service.url, actor).post('/services/quick', {
      serviceTypeId,
      serviceDate: TODAY,
      mode: 'all_or_nothing',
      rows,
    });

  it("the coach records the hub's coaching type and the hub its Rapid Rehousing on both records; the hub's coaching is refused per row", async () => {
    const r = await raRecord(service);
    const rows = [
      { participantId: r.participantId, enrollmentId: r.enrollment.enrollmentId },
      await anotherRecord(service, r),
    ];
    const coaching = await quick(r.coach.worker, r.types.careerCoaching, rows);
    expect(coaching.status).toBe(201);
    expect(coaching.body.recorded).toHaveLength(2);
    expect((await quick(r.hubStaff, r.types.rapidRehousing, rows)).status).toBe(201);
    const before = await rowCounts(service.pool, tables);
    const hubCoaching = await quick(r.hubStaff, r.types.careerCoaching, rows);
    expect(hubCoaching.status).toBe(422);
    expect(hubCoaching.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.0.serviceTypeId',
      'rows.1.serviceTypeId',
    ]);
    expect(await rowCounts(service.pool, tables)).toEqual(before);
  });

  it("the hub's type is refused as a whole when a row is the coach's own enrollment elsewhere", async () => {
    const r = await raRecord(service);
    const own = await enrollmentOf(service, {
      orgId: r.coach.orgId,
      programId: randomUUID(),
      headParticipantId: r.participantId,
    });
    const answer = await quick(r.coach.worker, r.types.careerCoaching, [
      { participantId: r.participantId, enrollmentId: r.enrollment.enrollmentId },
      { participantId: r.participantId, enrollmentId: own.enrollmentId },
    ]);
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['serviceTypeId']);
  });
});
