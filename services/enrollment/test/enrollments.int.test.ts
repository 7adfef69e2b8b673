import { randomUUID } from 'node:crypto';
import { testActor, waitFor } from '@hearth/testkit';
import {
  client,
  counts,
  daysAgo,
  eventsOf,
  fieldsOf,
  participantFacts,
  startEnrollment,
  type Harness,
  introduce,
} from './harness';
import { createProgram, household, keysToProgress } from './household';

const orgA = randomUUID();
const orgB = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const stranger = testActor({ orgId: orgB, roles: ['caseworker'] });
const theirs = participantFacts(orgB, { firstName: 'Theirs' });

let h: Harness;
let people: Awaited<ReturnType<typeof household>>;
let keys: string;
let workshop: string;
let elsewhere: string;

beforeAll(async () => {
  h = await startEnrollment();
  people = await household(h, orgA, orgB);
  await introduce(h, theirs);
  keys = await createProgram(h, worker, keysToProgress);
  workshop = await createProgram(h, worker, {
    name: 'Workshop',
    fundingSource: 'General',
    activeFrom: '2020-01-01',
  });
  elsewhere = await createProgram(h, stranger, {
    name: 'Elsewhere',
    fundingSource: 'Other',
    activeFrom: '2020-01-01',
  });
});
afterAll(() => h?.close());

const enrollment = (overrides: object = {}) => ({
  programId: keys,
  headParticipantId: people.head.participantId,
  applicationDate: daysAgo(20),
  registration: { employmentCharacteristics: ['homeless'] },
  members: [
    { participantId: people.spouse.participantId },
    {
      participantId: people.child.participantId,
      overrideReason: 'Dependent child of the household',
    },
  ],
  ...overrides,
});
const post = (body: object) => client(h.url, worker).post('/enrollments', body);

describe('enrolling a household', () => {
  it('refuses an ineligible member without an override reason, writing nothing', async () => {
    const before = await counts(h);
    const res = await post(
      enrollment({ members: [{ participantId: people.child.participantId }] }),
    );
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['members.0.overrideReason']);
    expect(res.body.detail).toContain('Age must be at least 18');
    expect(await counts(h)).toEqual(before);
  });

  it('creates the enrollment with its head, members, eligibility and Application status', async () => {
    const res = await post(enrollment());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/enrollments/${res.body.id}`);
    expect(res.body).toMatchObject({
      programId: keys,
      programName: 'Keys to Progress',
      orgId: orgA,
      headParticipantId: people.head.participantId,
      status: 'application',
      active: true,
      exit: null,
    });
    const members = Object.fromEntries(
      res.body.members.map((m: { firstName: string }) => [m.firstName, m]),
    );
    expect(members.Amina).toMatchObject({ isHead: true, eligibility: { status: 'eligible' } });
    expect(members.Omar).toMatchObject({
      relationship: 'spouse',
      eligibility: { status: 'eligible' },
    });
    expect(members.Zuri).toMatchObject({
      relationship: 'child',
      overrideReason: 'Dependent child of the household',
      eligibility: { status: 'ineligible', reasons: [expect.objectContaining({ fact: 'age' })] },
    });
    expect(res.body.statusHistory).toEqual([
      expect.objectContaining({ status: 'application', statusDate: daysAgo(20) }),
    ]);
    expect(await eventsOf(h, res.body.id)).toEqual([
      'enrollment.enrollment.created',
      'enrollment.status.changed',
      'enrollment.member.added',
      'enrollment.member.added',
    ]);
  });

  it.each([
    ["another organization's program", () => ({ programId: elsewhere }), 422, ['programId']],
    ['a program that does not exist', () => ({ programId: randomUUID() }), 422, ['programId']],
    [
      "a date before the participant's birth",
      () => ({
        programId: workshop,
        headParticipantId: people.newborn.participantId,
        applicationDate: daysAgo(200),
        members: [],
      }),
      422,
      ['applicationDate'],
    ],
    [
      'an application date in the future',
      () => ({ programId: workshop, applicationDate: daysAgo(-1) }),
      422,
      ['applicationDate'],
    ],
    [
      "a member not in the head's family",
      () => ({ programId: workshop, members: [{ participantId: people.outsider.participantId }] }),
      422,
      ['members.0.participantId'],
    ],
    [
      'the head listed as a member',
      () => ({ programId: workshop, members: [{ participantId: people.head.participantId }] }),
      422,
      ['members.0.participantId'],
    ],
    [
      'a member listed twice',
      () => ({
        programId: workshop,
        members: [
          { participantId: people.spouse.participantId },
          { participantId: people.spouse.participantId },
        ],
      }),
      400,
      ['members'],
    ],
    ['a second open enrollment in the program', () => ({}), 409, ['headParticipantId']],
    [
      'an unknown registration field',
      () => ({ programId: workshop, registration: { ssn: '1' } }),
      400,
      ['registration.ssn'],
    ],
    [
      "another organization's participant",
      () => ({ programId: workshop, headParticipantId: theirs.participantId, members: [] }),
      404,
      [],
    ],
  ])(
    'refuses %s with the field at fault, writing nothing',
    async (_label, overrides, status, fields) => {
      const before = await counts(h);
      const res = await post(enrollment(overrides()));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toEqual(fields);
      expect(await counts(h)).toEqual(before);
    },
  );

  it('says which birth date an application date precedes', async () => {
    const res = await post({
      programId: workshop,
      headParticipantId: people.newborn.participantId,
      applicationDate: daysAgo(200),
    });
    expect(res.body.errors[0].message).toContain(`birth date ${people.newborn.birthDate}`);
  });

  it("audits the attempt on another organization's participant", async () => {
    // the denial is written after the answer, so it may land a moment later
    await waitFor(async () => {
      const audit = await h.pool.query(
        'SELECT org_id, action FROM access_denials WHERE participant_id = $1',
        [theirs.participantId],
      );
      expect(audit.rows).toContainEqual({ org_id: orgA, action: 'write' });
      return true;
    });
  });

  it('lets no role without write access enroll', async () => {
    const funder = testActor({ orgId: orgA, roles: ['contract_manager'] });
    expect(
      (await client(h.url, funder).post('/enrollments', enrollment({ programId: workshop })))
        .status,
    ).toBe(403);
  });
});
