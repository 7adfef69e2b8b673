import { randomUUID } from 'node:crypto';
import { ServiceDeleted, ServiceRecorded, ServiceUpdated } from '@hearth/events';
import { apiClient, publishAndWait, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, newKey } from './fixtures';
import { training, workforceRecord, workforceService } from './workforce-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const facts = (r: { participantId: string; enrollmentId: string }, serviceId: string) => ({
  serviceId,
  participantId: r.participantId,
  enrollmentId: r.enrollmentId,
  serviceTypeId: randomUUID(),
  serviceDate: '2026-08-03',
  startsParticipation: true,
  qualifying: true,
});

const trainingProblem = async (r: Awaited<ReturnType<typeof workforceRecord>>, id: string) => {
  const answer = await apiClient(service.url, r.hub).post(
    '/payments/training-education',
    training(r, id),
    newKey(),
  );
  return answer.status === 201 ? 'accepted' : answer.body.errors[0].message;
};

test('a training service edited into a type of no category no longer carries a training payment', async () => {
  const r = await workforceRecord(service);
  const id = await workforceService(service, r);
  await publishAndWait(service, ServiceUpdated, { ...facts(r, id), category: null, version: 2 });
  expect(await trainingProblem(r, id)).toBe('Not a training service record');
});

test('a deletion that arrives before the recording is not undone by it (the newer version wins)', async () => {
  const r = await workforceRecord(service);
  const id = randomUUID();
  await publishAndWait(service, ServiceDeleted, {
    ...facts(r, id),
    category: 'training',
    version: 2,
  });
  await publishAndWait(service, ServiceRecorded, { ...facts(r, id), category: 'training' });
  expect(await trainingProblem(r, id)).toBe('The service record was deleted');
});

test('a service announced before the category was carried is not a training', async () => {
  const r = await workforceRecord(service);
  const id = randomUUID();
  await publishAndWait(service, ServiceRecorded, facts(r, id));
  expect(await trainingProblem(r, id)).toBe('Not a training service record');
  await publishAndWait(service, ServiceUpdated, {
    ...facts(r, id),
    category: 'training',
    version: 2,
  });
  expect(await trainingProblem(r, id)).toBe('accepted');
});
