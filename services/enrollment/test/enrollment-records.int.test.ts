import { randomUUID } from 'node:crypto';
import { ParticipantUpdated } from '@hearth/events';
import { testActor, waitFor } from '@hearth/testkit';
import {
  client,
  daysAgo,
  eventsOf,
  fieldsOf,
  participantFacts,
  startEnrollment,
  type Harness,
  introduce,
} from './harness';
import { createProgram, familyOfTwo, household, keysToProgress } from './household';

const orgA = randomUUID();
const orgB = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const stranger = testActor({ orgId: orgB, roles: ['caseworker'] });

let h: Harness;
let people: Awaited<ReturnType<typeof household>>;
let keys: string;
let workshop: string;
let record: { id: string; version: number };
const as = (actor = worker) => client(h.url, actor);

beforeAll(async () => {
  h = await startEnrollment();
  people = await household(h, orgA, orgB);
  keys = await createProgram(h, worker, keysToProgress);
  workshop = await createProgram(h, worker, {
    name: 'Workshop',
    fundingSource: 'General',
    activeFrom: '2020-01-01',
  });
  record = (
    await as().post('/enrollments', {
      programId: keys,
      headParticipantId: people.head.participantId,
      applicationDate: daysAgo(20),
      registration: { employmentCharacteristics: ['homeless'] },
      members: [{ participantId: people.child.participantId, overrideReason: 'Dependent child' }],
    })
  ).body;
  await as().post('/enrollments', {
    programId: workshop,
    headParticipantId: people.head.participantId,
    applicationDate: daysAgo(5),
  });
});
afterAll(() => h?.close());

describe('listing and reading enrollments', () => {
  it("lists a participant's enrollments newest first, a page at a time", async () => {
    const first = await as().get(`/enrollments?participantId=${people.head.participantId}&limit=1`);
    expect(first.body.items.map((e: { programName: string }) => e.programName)).toEqual([
      'Workshop',
    ]);
    const second = await as().get(
      `/enrollments?participantId=${people.head.participantId}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toMatchObject([{ id: record.id, active: true }]);
    expect(second.body.nextCursor).toBeNull();
    expect(
      (await as().get(`/enrollments?participantId=${people.head.participantId}&cursor=nonsense`))
        .status,
    ).toBe(400);
  });

  it('lists the enrollments a participant is a member of', async () => {
    const res = await as().get(`/enrollments?participantId=${people.child.participantId}`);
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([record.id]);
  });

  it('when another organization may see a shared child but not the head, it lists none of the head enrollments', async () => {
    const head = participantFacts(orgA, { firstName: 'Hidden head' });
    const child = participantFacts(orgA, {
      firstName: 'Shared child',
      birthDate: '2016-03-01',
      securityRestriction: 'share_global',
    });
    await familyOfTwo(h, head, child, 'child');
    const enrolled = await as().post('/enrollments', {
      programId: workshop,
      headParticipantId: head.participantId,
      applicationDate: daysAgo(3),
      members: [{ participantId: child.participantId }],
    });
    expect(enrolled.status).toBe(201);
    expect(
      (await as().get(`/enrollments?participantId=${child.participantId}`)).body.items,
    ).toHaveLength(1);
    const seen = await as(stranger).get(
      `/enrollments?participantId=${child.participantId}&limit=1`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ items: [], nextCursor: null });
    expect(JSON.stringify(seen.body)).not.toContain(head.participantId);
  });

  it('answers another organization with 404 and audits it', async () => {
    const read = await as(stranger).get(`/enrollments/${record.id}`);
    const missing = await as(stranger).get(`/enrollments/${randomUUID()}`);
    expect(read.status).toBe(404);
    expect(read.body.detail).toBe(missing.body.detail);
    expect(
      (await as(stranger).get(`/enrollments?participantId=${people.head.participantId}`)).status,
    ).toBe(404);
    expect((await as(stranger).get(`/enrollments/${record.id}/registration-results`)).status).toBe(
      404,
    );
    // the denial is written after the answer, so it may land a moment later
    await waitFor(async () => {
      const audit = await h.pool.query(
        'SELECT count(*)::int AS n FROM access_denials WHERE participant_id = $1 AND org_id = $2',
        [people.head.participantId, orgB],
      );
      expect(audit.rows[0].n).toBe(3);
      return true;
    });
  });

  it("lets another organization read a shared participant's enrollment but not change it", async () => {
    const global = participantFacts(orgA, {
      firstName: 'Global',
      securityRestriction: 'share_global',
    });
    await introduce(h, global);
    const created = await as().post('/enrollments', {
      programId: workshop,
      headParticipantId: global.participantId,
      applicationDate: daysAgo(3),
    });
    const read = await as(stranger).get(`/enrollments/${created.body.id}`);
    expect(read.status).toBe(200);
    const change = await as(stranger).patch(`/enrollments/${created.body.id}`, {
      version: read.body.version,
      registration: { phone: '1' },
    });
    expect(change.status).toBe(403);
  });
});

describe('members', () => {
  it('adds and removes family members, announcing each change', async () => {
    const path = `/enrollments/${record.id}/members`;
    expect(
      fieldsOf((await as().post(path, { participantId: people.outsider.participantId })).body),
    ).toEqual(['participantId']);
    expect(
      fieldsOf((await as().post(path, { participantId: people.newborn.participantId })).body),
    ).toEqual(['overrideReason']);
    expect((await as().post(path, { participantId: people.child.participantId })).status).toBe(409);
    expect((await as().delete(`${path}/${people.head.participantId}`)).status).toBe(422);
    const removed = await as().delete(`${path}/${people.child.participantId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members).toHaveLength(1);
    const added = await as().post(path, { participantId: people.spouse.participantId });
    expect(added.status).toBe(201);
    expect(added.body.members.map((m: { firstName: string }) => m.firstName)).toEqual([
      'Amina',
      'Omar',
    ]);
    expect((await eventsOf(h, record.id)).slice(-4)).toEqual([
      'enrollment.member.removed',
      'enrollment.enrollment.updated',
      'enrollment.member.added',
      'enrollment.enrollment.updated',
    ]);
    record = added.body;
  });
});

describe('registration results', () => {
  it('lists missing information, then completes registration once nothing is missing', async () => {
    const results = await as().get(`/enrollments/${record.id}/registration-results`);
    expect(results.body).toMatchObject({
      missingInformation: [{ field: 'phone', message: 'Phone is required' }],
      ineligibleReasons: [],
      readyToRegister: false,
      registeredBy: null,
    });
    const refused = await as().post(`/enrollments/${record.id}/registration`, {});
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['registration.phone']);

    const body = { version: record.version - 1, registration: { phone: '555-0100' } };
    expect((await as().patch(`/enrollments/${record.id}`, body)).status).toBe(409);
    const patched = await as().patch(`/enrollments/${record.id}`, {
      ...body,
      version: record.version,
    });
    expect(patched.body.registrationResults.readyToRegister).toBe(true);

    const done = await as().post(`/enrollments/${record.id}/registration`, {
      registrationDate: daysAgo(10),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'registration',
      registrationDate: daysAgo(10),
      registeredBy: { userId: worker.userId, name: worker.name },
    });
    expect((await as().post(`/enrollments/${record.id}/registration`, {})).status).toBe(409);
  });

  it('lists the ineligible reasons of an ineligible head and refuses registration', async () => {
    const teen = participantFacts(orgA, { firstName: 'Teen', birthDate: daysAgo(17 * 365) });
    await introduce(h, teen);
    const created = await as().post('/enrollments', {
      programId: keys,
      headParticipantId: teen.participantId,
      applicationDate: daysAgo(3),
      registration: { phone: '555-0101', employmentCharacteristics: ['fleeing_violence'] },
    });
    expect(created.status).toBe(201); // the application is recorded; registration is what it blocks
    expect(created.body.registrationResults).toMatchObject({
      missingInformation: [],
      ineligibleReasons: [
        { participantId: teen.participantId, message: 'Age must be at least 18' },
      ],
      readyToRegister: false,
    });
    const refused = await as().post(`/enrollments/${created.body.id}/registration`, {});
    expect(fieldsOf(refused.body)).toEqual(['eligibility']);
  });

  it("when another organization reads the enrollment, a hidden member's ineligible reasons are not shown, only that one blocks it", async () => {
    const head = participantFacts(orgA, {
      firstName: 'Shared',
      securityRestriction: 'share_global',
    });
    const spouse = participantFacts(orgA, { firstName: 'Private', lastName: 'Spouse' });
    await familyOfTwo(h, head, spouse, 'spouse');
    const created = await as().post('/enrollments', {
      programId: keys,
      headParticipantId: head.participantId,
      applicationDate: daysAgo(3),
      registration: { phone: '555-0102', employmentCharacteristics: ['homeless'] },
      members: [{ participantId: spouse.participantId }],
    });
    expect(created.status).toBe(201);
    // intake corrects the spouse's birth date: she is 10, so no longer eligible for an adult program
    await h.publish(ParticipantUpdated, { ...spouse, birthDate: daysAgo(10 * 365) });
    const own = await as().get(`/enrollments/${created.body.id}`);
    expect(own.body.registrationResults.ineligibleReasons).toEqual([
      { participantId: spouse.participantId, message: 'Age must be at least 18' },
    ]);
    const seen = await as(stranger).get(`/enrollments/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.members.map((m: { participantId: string }) => m.participantId)).toEqual([
      head.participantId,
    ]);
    expect(seen.body.registrationResults).toMatchObject({
      ineligibleReasons: [
        {
          participantId: null,
          message: 'A member your organization may not see does not meet the criteria',
        },
      ],
      readyToRegister: false,
    });
    const text = JSON.stringify(seen.body);
    for (const secret of [spouse.participantId, 'Private', 'Age must be at least 18'])
      expect(text).not.toContain(secret);
  });
});
