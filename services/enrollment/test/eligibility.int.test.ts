import { randomUUID } from 'node:crypto';
import { ParticipantUpdated, SharingStateChanged } from '@hearth/events';
import { testActor, waitFor } from '@hearth/testkit';
import { client, daysAgo, sharingState, startEnrollment, type Harness } from './harness';
import { createProgram, household, keysToProgress } from './household';

const orgA = randomUUID();
const orgB = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const stranger = testActor({ orgId: orgB, roles: ['caseworker'] });

let h: Harness;
let people: Awaited<ReturnType<typeof household>>;
beforeAll(async () => {
  h = await startEnrollment();
  people = await household(h, orgA, orgB);
  await createProgram(h, worker, keysToProgress);
  await createProgram(h, worker, {
    name: 'Refugee Services',
    fundingSource: 'ORR',
    activeFrom: '2020-01-01',
    eligibilityCriteria: [
      { fact: 'monthsSinceUsArrival', op: 'at_most', value: 60 },
      { fact: 'immigrationStatus', op: 'one_of', values: ['refugee', 'asylee'] },
    ],
  });
  await createProgram(h, worker, {
    name: 'Open Workshop',
    fundingSource: 'General',
    activeFrom: '2020-01-01',
  });
  await createProgram(h, worker, {
    name: 'Old',
    fundingSource: 'Ended',
    activeFrom: '2019-01-01',
    activeTo: '2020-12-31',
  });
  await createProgram(h, stranger, {
    name: 'Elsewhere',
    fundingSource: 'Other',
    activeFrom: '2020-01-01',
  });
});
afterAll(() => h?.close());

type Item = { programName: string; participant: Judged; familyMembers: Judged[] };
type Judged = {
  participantId: string;
  status: string;
  relationship?: string;
  reasons: Array<{ fact: string; message: string }>;
};
const eligibility = async (actor = worker, extra = '') =>
  client(h.url, actor).get(`/eligibility?participantId=${people.head.participantId}${extra}`);
const program = (items: Item[], name: string) => items.find((i) => i.programName === name)!;
const member = (item: Item, participantId: string) =>
  item.familyMembers.find((m) => m.participantId === participantId)!;

describe('GET /eligibility', () => {
  it('judges every active program for the participant and each visible family member, with reasons', async () => {
    const res = await eligibility();
    expect(res.status).toBe(200);
    const items: Item[] = res.body.items;
    expect(items.map((i) => i.programName).sort()).toEqual([
      'Keys to Progress',
      'Open Workshop',
      'Refugee Services',
    ]);

    const keys = program(items, 'Keys to Progress');
    expect(keys.participant).toMatchObject({
      participantId: people.head.participantId,
      status: 'unknown',
    });
    expect(keys.participant.reasons).toEqual([
      expect.objectContaining({ fact: 'employmentCharacteristics', outcome: 'unknown' }),
    ]);
    const kid = member(keys, people.child.participantId);
    expect(kid).toMatchObject({ relationship: 'child', status: 'ineligible' });
    expect(kid.reasons.map((r) => r.message)).toContain('Age must be at least 18');

    const refugee = program(items, 'Refugee Services');
    expect(refugee.participant.status).toBe('eligible');
    expect(member(refugee, people.spouse.participantId).status).toBe('unknown'); // no arrival date
    expect(program(items, 'Open Workshop')).toMatchObject({
      hasCriteria: false,
      participant: { status: 'eligible' },
    });

    // the relative another organization keeps to itself is not revealed
    expect(keys.familyMembers.map((m) => m.participantId).sort()).toEqual(
      [people.spouse, people.child, people.newborn].map((p) => p.participantId).sort(),
    );
  });

  it('hides programs without criteria on request', async () => {
    const res = await eligibility(worker, '&hideWithoutCriteria=true');
    expect(res.body.items.map((i: Item) => i.programName).sort()).toEqual([
      'Keys to Progress',
      'Refugee Services',
    ]);
  });

  it('follows participant updates from intake', async () => {
    await h.publish(ParticipantUpdated, { ...people.child, birthDate: '2000-01-01' });
    const keys = program((await eligibility()).body.items, 'Keys to Progress');
    expect(member(keys, people.child.participantId).status).toBe('unknown'); // now an adult
  });

  it('answers another organization with 404, audited, until sharing allows it', async () => {
    const denied = await eligibility(stranger);
    const missing = await client(h.url, stranger).get(`/eligibility?participantId=${randomUUID()}`);
    expect(denied.status).toBe(404);
    expect(denied.body.detail).toBe(missing.body.detail);
    // the denial is written after the answer, so it may land a moment later
    await waitFor(async () => {
      const audit = await h.pool.query(
        'SELECT org_id, action, reason FROM access_denials WHERE participant_id = $1',
        [people.head.participantId],
      );
      expect(audit.rows).toContainEqual({
        org_id: orgB,
        action: 'read',
        reason: 'restricted_to_org',
      });
      return true;
    });

    const release = {
      releaseId: randomUUID(),
      toOrgId: orgB,
      beginDate: daysAgo(10),
      endDate: daysAgo(-300),
      revokedAt: null,
    };
    const sharing = sharingState(people.head, { securityRestriction: 'share_mou' });
    await h.publish(SharingStateChanged, { ...sharing, releases: [release], sharingVersion: 2 });
    const shared = await eligibility(stranger);
    expect(shared.status).toBe(200);
    expect(shared.body.items.map((i: Item) => i.programName)).toEqual(['Elsewhere']);

    const revoked = { ...release, revokedAt: new Date().toISOString() };
    await h.publish(SharingStateChanged, { ...sharing, releases: [revoked], sharingVersion: 3 });
    expect((await eligibility(stranger)).status).toBe(404);
  });
});
