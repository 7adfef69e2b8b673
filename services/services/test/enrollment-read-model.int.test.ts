import { randomUUID } from 'node:crypto';
import {
  EnrollmentExited,
  EnrollmentMemberAdded,
  EnrollmentMemberRemoved,
  EnrollmentUpdated,
} from '@hearth/events';
import { apiClient, publishAndWait, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const membersOf = async (enrollmentId: string) =>
  (
    await service.pool.query<{ participant_id: string }>(
      'SELECT participant_id FROM enrollment_members WHERE enrollment_id = $1 ORDER BY 1',
      [enrollmentId],
    )
  ).rows.map((r) => r.participant_id);
const exitDateOf = async (enrollmentId: string) =>
  (await service.pool.query('SELECT exit_date FROM enrollments WHERE id = $1', [enrollmentId]))
    .rows[0].exit_date as string | null;

test('a created enrollment covers its head and members; added and removed members follow', async () => {
  const orgId = randomUUID();
  const head = randomUUID();
  const child = randomUUID();
  const e = await enrollmentOf(service, {
    orgId,
    programId: randomUUID(),
    headParticipantId: head,
  });
  expect(await membersOf(e.enrollmentId)).toEqual([head]);
  const member = { enrollmentId: e.enrollmentId, headParticipantId: head, participantId: child };
  await publishAndWait(service, EnrollmentMemberAdded, { ...member, overrideReason: null });
  expect(await membersOf(e.enrollmentId)).toEqual([head, child].sort());
  await publishAndWait(service, EnrollmentMemberRemoved, { ...member, overrideReason: null });
  expect(await membersOf(e.enrollmentId)).toEqual([head]);
});

test('an exit sets the exit date; a snapshot older than the one applied changes nothing, a newer one applies', async () => {
  const orgId = randomUUID();
  const head = randomUUID();
  const e = await enrollmentOf(service, {
    orgId,
    programId: randomUUID(),
    headParticipantId: head,
  });
  await publishAndWait(service, EnrollmentExited, {
    enrollmentId: e.enrollmentId,
    headParticipantId: head,
    memberParticipantIds: [head],
    kind: 'exit',
    exitDate: '2026-02-20',
    reason: 'completed',
    housingStatusAtExit: 'permanent_housing',
    removedFromPerformance: false,
  });
  expect(await exitDateOf(e.enrollmentId)).toBe('2026-02-20');
  // Envelopes are stamped with the time they are published, so "applied later than this one"
  // is staged by moving the stamp of the applied snapshot.
  const stampApplied = (at: string) =>
    service.pool.query('UPDATE enrollments SET snapshot_at = $2 WHERE id = $1', [
      e.enrollmentId,
      at,
    ]);
  await stampApplied('2999-01-01T00:00:00Z');
  const stale = { ...e, exitDate: '2026-01-31', memberParticipantIds: [head, randomUUID()] };
  await publishAndWait(service, EnrollmentUpdated, stale);
  expect(await exitDateOf(e.enrollmentId)).toBe('2026-02-20');
  expect(await membersOf(e.enrollmentId)).toEqual([head]);
  await stampApplied('2026-03-01T00:00:00Z');
  await publishAndWait(service, EnrollmentUpdated, {
    ...e,
    exitDate: null,
    status: 'exit_removed',
  });
  expect(await exitDateOf(e.enrollmentId)).toBeNull();
});

test('a member added to an enrollment not yet known here is ignored, not an error', async () => {
  const enrollmentId = randomUUID();
  await publishAndWait(service, EnrollmentMemberAdded, {
    enrollmentId,
    headParticipantId: randomUUID(),
    participantId: randomUUID(),
    overrideReason: null,
  });
  expect(await membersOf(enrollmentId)).toEqual([]);
});

test('a member added by event may then have a service recorded on the enrollment', async () => {
  const org = organization();
  const programId = randomUUID();
  const head = await participantOf(service, org.orgId);
  const child = await participantOf(service, org.orgId);
  const e = await enrollmentOf(service, { orgId: org.orgId, programId, headParticipantId: head });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const body = {
    participantId: child,
    enrollmentId: e.enrollmentId,
    serviceTypeId,
    serviceDate: TODAY,
  };
  expect((await apiClient(service.url, org.worker).post('/services', body)).status).toBe(422);
  await publishAndWait(service, EnrollmentMemberAdded, {
    enrollmentId: e.enrollmentId,
    headParticipantId: head,
    participantId: child,
    overrideReason: null,
  });
  expect((await apiClient(service.url, org.worker).post('/services', body)).status).toBe(201);
});
