import { randomUUID } from 'node:crypto';
import { EnrollmentCreated } from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, enrollmentOf, organization, participantOf } from './fixtures';
import { raRecord, recordedEvent as eventOf, type Actor } from './rent-assistance-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const post = (actor: Actor, body: object) => apiClient(service.url, actor).post('/services', body);
const tables = ['services', 'outbox'];

/** Post, expect `status` (naming `field` when given) and prove nothing was written. */
async function refused(actor: Actor, body: object, status: number, field?: string) {
  const before = await rowCounts(service.pool, tables);
  const answer = await post(actor, body);
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  if (field) expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  return answer;
}

const recordedEvent = (serviceId: string) => eventOf(service, serviceId);

describe("the hub's services on the coach's Rent Assistance record", () => {
  it('hub staff record Rapid Rehousing (201) as the hub, announced as starting participation and not extending LQ', async () => {
    const r = await raRecord(service);
    const answer = await post(r.hubStaff, r.body(r.types.rapidRehousing));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ orgId: r.hub.orgId, staffUserId: r.hubStaff.userId });
    const event = await recordedEvent(answer.body.id);
    expect(event).toMatchObject({
      orgId: r.hub.orgId,
      data: {
        enrollmentId: r.enrollment.enrollmentId,
        serviceDate: TODAY,
        startsParticipation: true,
        qualifying: false,
      },
    });
  });

  it("the hub's caseworker records Homeless Prevention and the Hub Final Rent Exit too", async () => {
    const r = await raRecord(service);
    const worker = r.hub.worker;
    expect((await post(worker, r.body(r.types.homelessPrevention))).status).toBe(201);
    const finalRent = await post(worker, r.body(r.types.finalRentExit));
    expect(finalRent.status).toBe(201);
    expect((await recordedEvent(finalRent.body.id))?.data).toMatchObject({
      startsParticipation: true,
      qualifying: true,
    });
  });

  it("the coach's organization keeps recording its coaching, from the hub's RA catalog", async () => {
    const r = await raRecord(service);
    const answer = await post(r.coach.worker, r.body(r.types.careerCoaching));
    expect(answer.status).toBe(201);
    expect((await recordedEvent(answer.body.id))?.data).toMatchObject({
      startsParticipation: false,
      qualifying: true,
    });
  });

  it('a user of the hub may not record coaching on it: the coach copies that in (422 on serviceTypeId)', async () => {
    const r = await raRecord(service);
    const answer = await refused(r.hubStaff, r.body(r.types.careerCoaching), 422, 'serviceTypeId');
    expect(answer.body.errors[0].message).toMatch(/copied in by the career coach/);
    await refused(r.hub.worker, r.body(r.types.careerCoaching), 422, 'serviceTypeId');
  });

  it("the coach's organization may not record the hub's types (422 on serviceTypeId)", async () => {
    const r = await raRecord(service);
    for (const type of [r.types.rapidRehousing, r.types.finalRentExit])
      await refused(r.coach.worker, r.body(type), 422, 'serviceTypeId');
  });

  it('a third organization: 404 without a release, and with one the record is not theirs (422 on enrollmentId)', async () => {
    const r = await raRecord(service);
    const third = organization();
    await refused(third.worker, r.body(r.types.rapidRehousing), 404);
    const released = await participantOf(service, r.coach.orgId, {
      securityRestriction: 'share_mou',
      releases: [
        { toOrgId: r.hub.orgId, beginDate: '2026-01-01', endDate: '2099-12-31' },
        { toOrgId: third.orgId, beginDate: '2026-01-01', endDate: '2099-12-31' },
      ],
    });
    const record = await enrollmentOf(service, {
      orgId: r.coach.orgId,
      serviceProviderOrgId: r.hub.orgId,
      programId: r.programId,
      programKind: 'rent_assistance',
      headParticipantId: released,
    });
    const body = {
      ...r.body(r.types.rapidRehousing),
      participantId: released,
      enrollmentId: record.enrollmentId,
    };
    await refused(third.worker, body, 422, 'enrollmentId');
    expect((await post(r.hubStaff, body)).status).toBe(201);
  });

  it('a hub whose release has expired cannot record on it (404, as for any participant it cannot see)', async () => {
    const r = await raRecord(service, '2026-02-28');
    await refused(r.hubStaff, r.body(r.types.rapidRehousing), 404);
  });

  it('a snapshot from before enrollment named the service provider still parses: the hub is not a recorder there', async () => {
    const r = await raRecord(service);
    const { serviceProviderOrgId: _left, ...older } = r.enrollment;
    const enrollmentId = randomUUID();
    await publishAndWait(service, EnrollmentCreated, { ...older, enrollmentId });
    await refused(
      r.hubStaff,
      { ...r.body(r.types.rapidRehousing), enrollmentId },
      422,
      'enrollmentId',
    );
  });

  it("the coach reads the hub's service as sharing allows; only the hub changes it", async () => {
    const r = await raRecord(service);
    const saved = (await post(r.hubStaff, r.body(r.types.rapidRehousing))).body;
    const coach = apiClient(service.url, r.coach.worker);
    const list = await coach.get(`/services?participantId=${r.participantId}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([saved.id]);
    const edit = await coach.patch(`/services/${saved.id}`, { version: 1, comment: 'Met' });
    expect(edit.status).toBe(403);
    expect(
      (await apiClient(service.url, organization().worker).get(`/services/${saved.id}`)).status,
    ).toBe(404);
  });
});

it("an edit keeps to the recorder's side: the hub's Rapid Rehousing may become Homeless Prevention, never coaching", async () => {
  const r = await raRecord(service);
  const saved = (await post(r.hubStaff, r.body(r.types.rapidRehousing))).body;
  const hub = apiClient(service.url, r.hubStaff);
  const before = await rowCounts(service.pool, tables);
  const coaching = await hub.patch(`/services/${saved.id}`, {
    version: 1,
    serviceTypeId: r.types.careerCoaching,
  });
  expect(coaching.status).toBe(422);
  expect(coaching.body.errors.map((e: { field: string }) => e.field)).toEqual(['serviceTypeId']);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  const prevention = await hub.patch(`/services/${saved.id}`, {
    version: 1,
    serviceTypeId: r.types.homelessPrevention,
  });
  expect(prevention.status).toBe(200);
  expect(prevention.body).toMatchObject({ serviceTypeId: r.types.homelessPrevention, version: 2 });
});
