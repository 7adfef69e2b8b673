import { randomUUID } from 'node:crypto';
import { DocumentDeleted, DocumentUploaded } from '@hearth/events';
import {
  apiClient,
  rowCounts,
  sharedParticipant,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv);
});
afterAll(() => service?.close());

const as = (actor: ReturnType<typeof testActor>) => apiClient(service.url, actor);

/** A document the documents service announced as uploaded. */
async function uploaded(orgId: string, participantId: string) {
  const documentId = randomUUID();
  await service.publish(DocumentUploaded, {
    documentId,
    participantId,
    orgId,
    category: 'Screenshots',
    documentType: 'image',
    documentDate: '2026-12-01',
    confidentiality: 'confidential',
  });
  return documentId;
}

async function agency() {
  const worker = testActor();
  const admin = testActor({ orgId: worker.orgId, roles: ['admin'] });
  const participantId = await sharedParticipant(service.pool, worker.orgId);
  return { worker, admin, participantId };
}

const report = (extra: Record<string, unknown> = {}) => ({
  summary: 'The enrollment page does not save',
  description: 'Saving the exit date spins for ever.',
  email: 'worker@agency.example',
  phone: '+1 (414) 555-0100',
  page: '/enrollments/123',
  ...extra,
});

test('a help ticket with its participant and attachment round-trips; admins answer, the reporter is notified, then it closes', async () => {
  const { worker, admin, participantId } = await agency();
  const attachmentDocumentId = await uploaded(worker.orgId, participantId);
  const made = await as(worker).post(
    '/help-tickets',
    report({ participantId, attachmentDocumentId }),
  );
  expect(made.status).toBe(201);
  expect(made.headers.get('location')).toBe(`/api/v1/help-tickets/${made.body.id}`);
  expect(made.body).toMatchObject({
    reporterUserId: worker.userId,
    summary: 'The enrollment page does not save',
    email: 'worker@agency.example',
    phone: '+1 (414) 555-0100',
    page: '/enrollments/123',
    participantId,
    attachmentDocumentId,
    status: 'open',
    answer: null,
  });
  // the admin manages the ticket but reads no client data: who it is about is not shown to them
  const listed = await as(admin).get('/help-tickets?status=open');
  expect(listed.status).toBe(200);
  expect(listed.body.items).toEqual([
    expect.objectContaining({ id: made.body.id, participantId: null, attachmentDocumentId }),
  ]);

  const answered = await as(admin).post(`/help-tickets/${made.body.id}/answer`, {
    answer: 'Fixed in today’s release; please try again.',
  });
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchObject({ status: 'answered', answeredBy: admin.userId });
  const notices = (await as(worker).get('/notifications')).body.items;
  expect(notices).toEqual([
    expect.objectContaining({
      kind: 'help_ticket_answered',
      link: {
        recordType: 'help_ticket',
        recordId: made.body.id,
        href: `/api/v1/help-tickets/${made.body.id}`,
      },
      participantId: null,
    }),
  ]);
  const mine = await as(worker).get(`/help-tickets/${made.body.id}`);
  expect(mine.body).toMatchObject({
    status: 'answered',
    answer: 'Fixed in today’s release; please try again.',
    participantId,
  });

  const closed = await as(admin).post(`/help-tickets/${made.body.id}/close`);
  expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
  const again = await as(admin).post(`/help-tickets/${made.body.id}/answer`, { answer: 'More' });
  expect(again.status).toBe(409);
  expect((await as(admin).post(`/help-tickets/${made.body.id}/close`)).status).toBe(409);
});

describe('who may see and handle a ticket', () => {
  test('another organization’s admin, a colleague who did not report it: 404; a case worker lists nothing (403)', async () => {
    const { worker } = await agency();
    const made = await as(worker).post('/help-tickets', report());
    const otherAdmin = testActor({ roles: ['admin'] });
    expect((await as(otherAdmin).get(`/help-tickets/${made.body.id}`)).status).toBe(404);
    expect(
      (await as(otherAdmin).post(`/help-tickets/${made.body.id}/answer`, { answer: 'x' })).status,
    ).toBe(404);
    expect((await as(otherAdmin).post(`/help-tickets/${made.body.id}/close`)).status).toBe(404);
    expect((await as(otherAdmin).get('/help-tickets')).body.items).toEqual([]);
    const colleague = testActor({ orgId: worker.orgId });
    expect((await as(colleague).get(`/help-tickets/${made.body.id}`)).status).toBe(404);
    expect((await as(worker).get('/help-tickets')).status).toBe(403);
    expect(
      (await as(worker).post(`/help-tickets/${made.body.id}/answer`, { answer: 'x' })).status,
    ).toBe(403);
  });

  test('a participant the reporter may not see is answered 404, nothing written', async () => {
    const { worker } = await agency();
    const hidden = await sharedParticipant(service.pool, randomUUID());
    const before = await rowCounts(service.pool, ['help_tickets']);
    const answer = await as(worker).post('/help-tickets', report({ participantId: hidden }));
    expect(answer.status).toBe(404);
    expect(await rowCounts(service.pool, ['help_tickets'])).toEqual(before);
  });
});

describe('the attachment names a live document of the organization', () => {
  test.each([
    ['of another organization', async (_orgId: string, pid: string) => uploaded(randomUUID(), pid)],
    ['about another participant', async (orgId: string) => uploaded(orgId, randomUUID())],
    ['never uploaded', async () => randomUUID()],
    [
      'deleted',
      async (orgId: string, pid: string) => {
        const documentId = await uploaded(orgId, pid);
        await service.publish(DocumentDeleted, {
          documentId,
          participantId: pid,
          orgId,
          category: 'Screenshots',
          documentType: 'image',
          documentDate: '2026-12-01',
          confidentiality: 'confidential',
        });
        return documentId;
      },
    ],
  ])('one %s is refused 422 naming it, nothing written', async (_, documentOf) => {
    const { worker, participantId } = await agency();
    const attachmentDocumentId = await documentOf(worker.orgId, participantId);
    const before = await rowCounts(service.pool, ['help_tickets']);
    const answer = await as(worker).post(
      '/help-tickets',
      report({ participantId, attachmentDocumentId }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'attachmentDocumentId' }),
    ]);
    expect(await rowCounts(service.pool, ['help_tickets'])).toEqual(before);
  });
});

test.each([
  [{ summary: '' }, 'summary'],
  [{ email: 'nobody' }, 'email'],
  [{ phone: 'call me' }, 'phone'],
  [{ participantId: 'p-1' }, 'participantId'],
  [{ severity: 'high' }, 'severity'],
])('a report with %j is refused 400 naming the field', async (extra, field) => {
  const { worker } = await agency();
  const answer = await as(worker).post('/help-tickets', report(extra));
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
});
