import { randomUUID } from 'node:crypto';
import { EnrollmentUpdated, ServiceDeleted, ServiceRecorded, ServiceUpdated } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, daysAgo, startEnrollment, type Harness } from './harness';
import { createProgram, enrollAlone } from './household';

/** Edits and deletes of services arrive as services.service.updated / .deleted events. */
const worker = testActor({ roles: ['caseworker'] });

let h: Harness;
let program: string;
beforeAll(async () => {
  h = await startEnrollment();
  program = await createProgram(h, worker, {
    name: 'Coaching',
    fundingSource: 'KtP',
    activeFrom: '2020-01-01',
  });
});
afterAll(() => h?.close());

type Enrollment = { id: string; participantId: string };
const read = async (e: Enrollment) =>
  (await client(h.url, worker).get(`/enrollments/${e.id}`)).body;
const flags = { startsParticipation: true, qualifying: true };

/** A service as services announces it; answers a function announcing its later versions. */
async function serviceOn(e: Enrollment, serviceDate: string, f = flags) {
  const facts = {
    serviceId: randomUUID(),
    participantId: e.participantId,
    enrollmentId: e.id,
    serviceTypeId: 'career-coaching',
  };
  await h.publish(ServiceRecorded, { ...facts, serviceDate, ...f });
  return {
    edit: (version: number, date: string, g = f) =>
      h.publish(ServiceUpdated, { ...facts, serviceDate: date, ...g, version }),
    remove: (version: number, date: string, g = f) =>
      h.publish(ServiceDeleted, { ...facts, serviceDate: date, ...g, version }),
  };
}

test('an edit moving the last qualifying service earlier moves the date back', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  await serviceOn(e, daysAgo(50));
  const last = await serviceOn(e, daysAgo(20));
  expect((await read(e)).lastQualifyingServiceDate).toBe(daysAgo(20));
  await last.edit(2, daysAgo(30));
  expect((await read(e)).lastQualifyingServiceDate).toBe(daysAgo(30));
  // edited to a type that does not qualify: the one of 50 days ago is the last that does
  await last.edit(3, daysAgo(30), { startsParticipation: true, qualifying: false });
  expect((await read(e)).lastQualifyingServiceDate).toBe(daysAgo(50));
});

test('deleting the last qualifying service moves the date back to the one before; none left is null', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  const first = await serviceOn(e, daysAgo(50), { startsParticipation: false, qualifying: true });
  const last = await serviceOn(e, daysAgo(10), { startsParticipation: false, qualifying: true });
  await last.remove(1, daysAgo(10), { startsParticipation: false, qualifying: true });
  expect((await read(e)).lastQualifyingServiceDate).toBe(daysAgo(50));
  const updates = (await outboxEvents(h.pool, EnrollmentUpdated)).filter(
    (u) => u.data.enrollmentId === e.id,
  );
  expect(updates.at(-1)!.data.lastQualifyingServiceDate).toBe(daysAgo(50));
  await first.remove(1, daysAgo(50), { startsParticipation: false, qualifying: true });
  expect((await read(e)).lastQualifyingServiceDate).toBeNull();
});

test('an older edit arriving after a newer one, or an edit after the delete, changes nothing', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  await serviceOn(e, daysAgo(50));
  const s = await serviceOn(e, daysAgo(20));
  await s.edit(3, daysAgo(25));
  await s.edit(2, daysAgo(5)); // late: version 2 was replaced by 3
  expect((await read(e)).lastQualifyingServiceDate).toBe(daysAgo(25));
  await s.remove(3, daysAgo(25));
  await s.edit(4, daysAgo(5));
  expect((await read(e)).lastQualifyingServiceDate).toBe(daysAgo(50));
});

test('deleting the service that started participation moves it to the next one that starts it', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  const first = await serviceOn(e, daysAgo(40));
  await serviceOn(e, daysAgo(30));
  expect(await read(e)).toMatchObject({ status: 'participation', participationDate: daysAgo(40) });
  await first.remove(1, daysAgo(40));
  expect(await read(e)).toMatchObject({ status: 'participation', participationDate: daysAgo(30) });
  const history = (await read(e)).statusHistory.map((s: { status: string; statusDate: string }) => [
    s.status,
    s.statusDate,
  ]);
  expect(history).toEqual([
    ['participation', daysAgo(30)],
    ['application', daysAgo(60)],
  ]);
});

test('deleting the only service that started participation keeps Participation and its date', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  const only = await serviceOn(e, daysAgo(40));
  await only.remove(1, daysAgo(40));
  expect(await read(e)).toMatchObject({
    status: 'participation',
    participationDate: daysAgo(40),
    lastQualifyingServiceDate: null,
  });
});

test('an edit that makes a service start participation sets Participation', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  const s = await serviceOn(e, daysAgo(40), { startsParticipation: false, qualifying: true });
  expect((await read(e)).status).toBe('application');
  await s.edit(2, daysAgo(35), flags);
  expect(await read(e)).toMatchObject({
    status: 'participation',
    participationDate: daysAgo(35),
    lastQualifyingServiceDate: daysAgo(35),
  });
});

test('an edit or delete arriving before its service was recorded: the late recorded event is ignored', async () => {
  const e = await enrollAlone(h, worker, program, daysAgo(60));
  const serviceId = randomUUID();
  const facts = {
    serviceId,
    participantId: e.participantId,
    enrollmentId: e.id,
    serviceTypeId: 'career-coaching',
    startsParticipation: false,
    qualifying: true,
  };
  await h.publish(ServiceDeleted, { ...facts, serviceDate: daysAgo(10), version: 2 });
  await h.publish(ServiceRecorded, { ...facts, serviceDate: daysAgo(10) });
  expect((await read(e)).lastQualifyingServiceDate).toBeNull();
});
