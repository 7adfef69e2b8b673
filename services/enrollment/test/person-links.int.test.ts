import { randomUUID } from 'node:crypto';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { testActor } from '@hearth/testkit';
import { client, daysAgo, startEnrollment, type Harness } from './harness';
import { createProgram, enrollAlone } from './household';

/** A participant's enrollments list shows a linked person's enrollments together (libs/people). */
const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const partner = testActor({ roles: ['caseworker'] }); // sees the first record only (share_global)

let h: Harness;
let first: { id: string; participantId: string };
let second: { id: string; participantId: string };
let linkId: string;

beforeAll(async () => {
  h = await startEnrollment();
  const workshop = await createProgram(h, worker, {
    name: 'Workshop',
    fundingSource: 'General',
    activeFrom: '2020-01-01',
  });
  first = await enrollAlone(h, worker, workshop, daysAgo(30), {
    securityRestriction: 'share_global',
  });
  second = await enrollAlone(h, worker, workshop, daysAgo(10));
});
afterAll(() => h?.close());

const link = () => ({
  linkId,
  personId: first.participantId,
  survivingParticipantId: first.participantId,
  participantIds: [first.participantId, second.participantId],
  at: new Date().toISOString(),
});
const listed = async (actor: typeof worker, participantId: string) => {
  const res = await client(h.url, actor).get(`/enrollments?participantId=${participantId}`);
  expect(res.status).toBe(200);
  return res.body.items.map((e: { id: string }) => e.id);
};

describe('enrollments of a linked person', () => {
  it('lists each record’s own enrollments before a link', async () => {
    expect(await listed(worker, second.participantId)).toEqual([second.id]);
  });

  it('lists the enrollments of both records together from either id once linked', async () => {
    linkId = randomUUID();
    await h.publish(PersonLinked, link(), { orgId: orgA });
    // newest application first: the second record's (10 days ago), then the first's (30)
    expect(await listed(worker, second.participantId)).toEqual([second.id, first.id]);
    expect(await listed(worker, first.participantId)).toEqual([second.id, first.id]);
  });

  it('shows an organization that sees only one record that record’s enrollments alone', async () => {
    expect(await listed(partner, first.participantId)).toEqual([first.id]);
  });

  it('puts each record’s enrollments back under it after the undo', async () => {
    await h.publish(PersonUnlinked, link(), { orgId: orgA });
    expect(await listed(worker, second.participantId)).toEqual([second.id]);
    expect(await listed(worker, first.participantId)).toEqual([first.id]);
  });
});
