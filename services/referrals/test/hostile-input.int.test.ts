import { randomUUID } from 'node:crypto';
import { apiClient, startServiceForTest, type TestService } from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { NOW, agency, participantOf, provider, referralBody } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test('hostile input is a 4xx problem+json, never a 500', async () => {
  const sender = await agency(service);
  const receiver = await provider(service, ['legal_aid']);
  const participantId = await participantOf(service, sender.caseworker);
  const api = apiClient(service.url, sender.caseworker);
  const made = await api.post('/referrals', referralBody(participantId, receiver.orgId));
  const id = made.body.id as string;
  const requests = [
    api.post(
      '/referrals',
      referralBody(participantId, receiver.orgId, { referralDate: '0000-01-01' }),
    ),
    api.post('/referrals', referralBody(participantId, receiver.orgId, { comment: 'a\u0000b' })),
    api.post(
      '/referrals',
      referralBody(participantId, receiver.orgId, { comment: 'x'.repeat(5000) }),
    ),
    api.post('/referrals', referralBody(participantId, receiver.orgId, { needIds: ['nope'] })),
    api.post('/referrals', referralBody(participantId, receiver.orgId, { referralService: 'A B' })),
    api.post('/referrals', [1, 2]),
    api.get(`/referrals?direction=incoming&cursor=${cursorOf({ referralDate: '0000-01-01', id })}`),
    api.get(`/referrals?direction=outgoing`),
    api.get(`/referrals?participantId=${participantId}&limit=0`),
    api.get(`/referrals?participantId=${participantId}&extra=1`),
    api.get('/referrals/not-a-uuid'),
    api.get(`/providers?referralService=legal_aid&cursor=${cursorOf({ name: 1 })}`),
    api.get('/providers'),
    api.patch(`/referrals/${id}`, { version: 1, referralDate: '2026-02-30' }),
    api.patch(`/referrals/${id}`, { version: 'one' }),
    api.post(`/referrals/${id}/status`, { status: 'lost' }),
    api.post(`/referrals/${randomUUID()}/status`, { status: 'accepted' }),
    api.put(`/referrals/${id}/outcome`, { outcomeDate: '2026-06-15', result: 'maybe' }),
    api.put(`/providers/${sender.orgId}/offers`, {
      offers: [{ referralService: 'x', contactName: '' }],
    }),
  ];
  const answers = await Promise.all(requests);
  for (const answer of answers) {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  }
  expect(answers.map((a) => a.status)).toEqual([
    400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 404, 400, 400,
  ]);
});
