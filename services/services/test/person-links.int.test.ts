import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { apiClient, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

/**
 * A participant's services, case notes and grade promotions list a person linked in intake
 * together (libs/people).
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const org = organization();
const partner = testActor({ roles: ['caseworker'] }); // sees the first record only (share_global)
type Rows = { participantId: string; serviceId: string; noteId: string; promotionId: string };
let first: Rows;
let second: Rows;

/** A record of the organization (an RSI student) with a service, a note and a grade promotion. */
async function record(
  serviceTypeId: string,
  programId: string,
  dates: { service: string; note: string; promotion: string },
  sharing: Parameters<typeof participantOf>[2] = {},
) {
  const participantId = await participantOf(service, org.orgId, sharing);
  const { enrollmentId } = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    programKind: 'rsi',
    headParticipantId: participantId,
  });
  const client = apiClient(service.url, org.worker);
  const recorded = await client.post('/services', {
    participantId,
    enrollmentId,
    serviceTypeId,
    serviceDate: dates.service,
  });
  const noted = await client.post('/case-notes', {
    participantId,
    noteDate: dates.note,
    text: 'Met at the shelter.',
  });
  const promoted = await client.post('/grade-promotions', {
    promotionDate: dates.promotion,
    providerType: 'school_district',
    students: [{ participantId, enrollmentId }],
  });
  expect([recorded.status, noted.status, promoted.status]).toEqual([201, 201, 201]);
  return {
    participantId,
    serviceId: recorded.body.id,
    noteId: noted.body.id,
    promotionId: promoted.body.items[0].id,
  };
}

beforeAll(async () => {
  const programId = randomUUID();
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  first = await record(
    serviceTypeId,
    programId,
    { service: '2026-02-01', note: '2026-02-02', promotion: '2026-02-03' },
    { securityRestriction: 'share_global' },
  );
  second = await record(serviceTypeId, programId, {
    service: '2026-03-01',
    note: '2026-03-02',
    promotion: '2026-03-03',
  });
});

const linkId = randomUUID();
const link = () => ({
  linkId,
  personId: first.participantId,
  survivingParticipantId: first.participantId,
  participantIds: [first.participantId, second.participantId],
  at: NOW.toISOString(),
});

type List = 'services' | 'case-notes' | 'grade-promotions';
async function listed(actor: Actor, path: List, participantId: string) {
  const answer = await apiClient(service.url, actor).get(`/${path}?participantId=${participantId}`);
  expect(answer.status).toBe(200);
  return answer.body.items.map((item: { id: string }) => item.id);
}

describe('services and case notes of a linked person', () => {
  test('each record lists its own services and notes before a link', async () => {
    expect(await listed(org.worker, 'services', second.participantId)).toEqual([second.serviceId]);
    expect(await listed(org.worker, 'case-notes', second.participantId)).toEqual([second.noteId]);
  });

  test('once linked, either id lists both records’ services and notes, newest first', async () => {
    await service.publish(PersonLinked, link(), { orgId: org.orgId });
    for (const id of [first.participantId, second.participantId]) {
      expect(await listed(org.worker, 'services', id)).toEqual([second.serviceId, first.serviceId]);
      expect(await listed(org.worker, 'case-notes', id)).toEqual([second.noteId, first.noteId]);
      expect(await listed(org.worker, 'grade-promotions', id)).toEqual([
        second.promotionId,
        first.promotionId,
      ]);
    }
  });

  test('an organization that sees only one record lists that record’s rows alone', async () => {
    expect(await listed(partner, 'services', first.participantId)).toEqual([first.serviceId]);
    expect(await listed(partner, 'case-notes', first.participantId)).toEqual([]); // org notes
    expect(await listed(partner, 'grade-promotions', first.participantId)).toEqual([
      first.promotionId,
    ]);
  });

  test('the record an organization may not see stays not found to it after the link', async () => {
    const client = apiClient(service.url, partner);
    for (const path of ['services', 'case-notes', 'grade-promotions'])
      expect((await client.get(`/${path}?participantId=${second.participantId}`)).status).toBe(404);
  });

  test('the undo puts each record’s services and notes back under it', async () => {
    await service.publish(PersonUnlinked, link(), { orgId: org.orgId });
    expect(await listed(org.worker, 'services', first.participantId)).toEqual([first.serviceId]);
    expect(await listed(org.worker, 'case-notes', first.participantId)).toEqual([first.noteId]);
    expect(await listed(org.worker, 'services', second.participantId)).toEqual([second.serviceId]);
    expect(await listed(org.worker, 'grade-promotions', second.participantId)).toEqual([
      second.promotionId,
    ]);
  });
});
