import { EnrollmentCreated, EnrollmentUpdated } from '@hearth/events';
import { outboxEvents } from '@hearth/testkit';
import { client, counts, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { createProgram } from './household';
import {
  coachParticipant,
  fullRegistration,
  hubStaffMember,
  organizations,
  referToHub,
  rentAssistanceProgram,
} from './rent-assistance-fixtures';

const orgs = organizations();
let h: Harness;
let program: string;
beforeAll(async () => {
  h = await startEnrollment();
  program = await rentAssistanceProgram(h, orgs);
});
afterAll(() => h?.close());

const snapshotsOf = async (enrollmentId: string) =>
  [
    ...(await outboxEvents(h.pool, EnrollmentCreated)),
    ...(await outboxEvents(h.pool, EnrollmentUpdated)),
  ]
    .filter((e) => e.data.enrollmentId === enrollmentId)
    .map((e) => e.data);

describe("a career coach's Rent Assistance record in the hub's program", () => {
  it("finds every hub's Rent Assistance programs, and reads one, but not the hub's other programs", async () => {
    const other = await createProgram(h, orgs.hub, {
      name: 'Hub Shelter',
      fundingSource: 'ESG',
      activeFrom: '2020-01-01',
    });
    const listed = await client(h.url, orgs.coach).get('/programs?kind=rent_assistance');
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(program);
    expect(ids).not.toContain(other);
    const own = (await client(h.url, orgs.coach).get('/programs')).body.items;
    expect(own.map((p: { id: string }) => p.id)).not.toContain(program);
    expect((await client(h.url, orgs.coach).get(`/programs/${program}`)).body).toMatchObject({
      orgId: orgs.hubOrgId,
      kind: 'rent_assistance',
    });
    expect((await client(h.url, orgs.coach).get(`/programs/${other}`)).status).toBe(404);
    const bad = await client(h.url, orgs.coach).get('/programs?kind=rsi');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['query.kind']);
  });

  it("cannot enroll into another organization's program that is not Rent Assistance (422 programId)", async () => {
    const shelter = await createProgram(h, orgs.hub, {
      name: 'Hub Emergency Shelter',
      fundingSource: 'ESG',
      activeFrom: '2020-01-01',
    });
    const participantId = await coachParticipant(h, orgs);
    const refused = await referToHub(h, orgs, shelter, participantId);
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['programId']);
  });

  it('has the hub as service provider and the coach as "customer of", announced with the total requested', async () => {
    const participantId = await coachParticipant(h, orgs);
    const res = await referToHub(h, orgs, program, participantId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orgId: orgs.coachOrgId,
      serviceProviderOrgId: orgs.hubOrgId,
      customerOfUserId: orgs.coach.userId,
      servicePointId: null,
      status: 'application',
    });
    expect(await snapshotsOf(res.body.id)).toEqual([
      expect.objectContaining({
        orgId: orgs.coachOrgId,
        serviceProviderOrgId: orgs.hubOrgId,
        customerOfUserId: orgs.coach.userId,
        totalAmountRequestedCents: 450_000,
        programKind: 'rent_assistance',
      }),
    ]);
  });

  it('is read by the coach and the hub; another organization and the hub after its release ended get 404', async () => {
    const participantId = await coachParticipant(h, orgs);
    const { id } = (await referToHub(h, orgs, program, participantId)).body;
    expect((await client(h.url, orgs.coach).get(`/enrollments/${id}`)).status).toBe(200);
    expect((await client(h.url, orgs.hub).get(`/enrollments/${id}`)).status).toBe(200);
    expect((await client(h.url, orgs.stranger).get(`/enrollments/${id}`)).status).toBe(404);

    const lapsed = await coachParticipant(h, orgs, daysAgo(1));
    const old = (await referToHub(h, orgs, program, lapsed)).body.id;
    expect((await client(h.url, orgs.hub).get(`/enrollments/${old}`)).status).toBe(404);
  });

  it('is refused unless the participant is Homeless or Housing Insecure, naming the field, nothing written', async () => {
    const participantId = await coachParticipant(h, orgs);
    const before = await counts(h);
    const refused = await referToHub(h, orgs, program, participantId, {
      ...fullRegistration,
      employmentCharacteristics: ['fleeing_violence'],
    });
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['registration.employmentCharacteristics']);
    expect(await counts(h)).toEqual(before);

    const homeless = await referToHub(h, orgs, program, participantId, {
      ...fullRegistration,
      employmentCharacteristics: ['homeless'],
    });
    expect(homeless.status).toBe(201);
    const edit = await client(h.url, orgs.coach).patch(`/enrollments/${homeless.body.id}`, {
      version: homeless.body.version,
      registration: { employmentCharacteristics: ['none_of_these'] },
    });
    expect(edit.status).toBe(422);
    expect(fieldsOf(edit.body)).toEqual(['registration.employmentCharacteristics']);
  });

  it("lists the guide's required registration fields as missing, and a history answered yes needs details", async () => {
    const participantId = await coachParticipant(h, orgs);
    const noDetails = await referToHub(h, orgs, program, participantId, {
      evictionHistory: { answer: 'yes' },
    });
    expect(noDetails.status).toBe(400);
    expect(fieldsOf(noDetails.body)).toEqual(['registration.evictionHistory.details']);

    const partial = await referToHub(h, orgs, program, participantId, {
      address: '12 Alder St, Portland',
      phone: '503-555-0101',
      employmentCharacteristics: ['housing_insecure'],
      employmentStatus: 'employed',
      totalAmountRequestedCents: 450_000,
    });
    const results = await client(h.url, orgs.coach).get(
      `/enrollments/${partial.body.id}/registration-results`,
    );
    expect(results.body.missingInformation.map((m: { field: string }) => m.field)).toEqual([
      'otherFundingSource',
      'sixMonthIncomeCents',
      'adultsInHousehold',
      'childrenInHousehold',
      'housingTypeAtRegistration',
      'planToPayRent',
      'sourceOfIncome',
      'pastPropertyDebt',
      'creditDebt',
      'evictionHistory',
      'criminalHistory',
    ]);
    expect(results.body.readyToRegister).toBe(false);

    const full = await client(h.url, orgs.coach).patch(`/enrollments/${partial.body.id}`, {
      version: partial.body.version,
      registration: fullRegistration,
    });
    expect(full.body.registrationResults).toMatchObject({
      missingInformation: [],
      readyToRegister: true,
    });
  });
});

describe('the hub side of the record', () => {
  it('hub staff assign their staff as "customer of" and enter the Service Point ID, announced', async () => {
    const participantId = await coachParticipant(h, orgs);
    const record = (await referToHub(h, orgs, program, participantId)).body;
    const assigned = await hubStaffMember(h, orgs);
    const res = await client(h.url, orgs.hub).patch(`/enrollments/${record.id}/service-provider`, {
      version: record.version,
      customerOfUserId: assigned,
      servicePointId: 'SP-20931',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerOfUserId: assigned, servicePointId: 'SP-20931' });
    expect((await snapshotsOf(record.id)).at(-1)).toMatchObject({ customerOfUserId: assigned });
  });

  it('is refused to the coach and to hub users who are not hub staff (403), another organization (404), a stale version (409) and a user who is not hub staff of the hub (422)', async () => {
    const participantId = await coachParticipant(h, orgs);
    const record = (await referToHub(h, orgs, program, participantId)).body;
    const path = `/enrollments/${record.id}/service-provider`;
    const body = { version: record.version, servicePointId: 'SP-1' };
    expect((await client(h.url, orgs.coach).patch(path, body)).status).toBe(403);
    const hubCaseworker = { ...orgs.hub, roles: ['caseworker'] };
    expect((await client(h.url, hubCaseworker).patch(path, body)).status).toBe(403);
    expect((await client(h.url, orgs.stranger).patch(path, body)).status).toBe(404);
    const stale = await client(h.url, orgs.hub).patch(path, { ...body, version: 99 });
    expect(stale.status).toBe(409);
    expect(fieldsOf(stale.body)).toEqual(['version']);
    const supervisorOnly = await hubStaffMember(h, orgs, ['supervisor']);
    const notHubStaff = await client(h.url, orgs.hub).patch(path, {
      version: record.version,
      customerOfUserId: supervisorOnly,
    });
    expect(notHubStaff.status).toBe(422);
    expect(fieldsOf(notHubStaff.body)).toEqual(['customerOfUserId']);
    const unchanged = await client(h.url, orgs.coach).get(`/enrollments/${record.id}`);
    expect(unchanged.body).toMatchObject({
      customerOfUserId: orgs.coach.userId,
      servicePointId: null,
    });
  });
});

describe('the registration prefill', () => {
  it("answers the contact details and characteristics of the participant's most recent open enrollment, never money or histories", async () => {
    const participantId = await coachParticipant(h, orgs);
    const prefillOf = async () =>
      (
        await client(h.url, orgs.coach).get(
          `/programs/${program}/registration-prefill?participantId=${participantId}`,
        )
      ).body;
    expect(await prefillOf()).toEqual({
      participantId,
      fromEnrollmentId: null,
      fromApplicationDate: null,
      registration: {},
    });
    // the coach's own programs: an open one from 30 days ago, a newer one exited since
    const coaching = await createProgram(h, orgs.coach, {
      name: 'Career Coaching',
      fundingSource: 'WIOA',
      activeFrom: '2020-01-01',
    });
    const workshops = await createProgram(h, orgs.coach, {
      name: 'Workshops',
      fundingSource: 'WIOA',
      activeFrom: '2020-01-01',
    });
    const enroll = (programId: string, applicationDate: string, address: string) =>
      client(h.url, orgs.coach).post('/enrollments', {
        programId,
        headParticipantId: participantId,
        applicationDate,
        registration: { address, employmentCharacteristics: ['homeless'], householdIncomeCents: 9 },
      });
    const open = (await enroll(coaching, daysAgo(30), '1 Old Rd')).body;
    const exited = (await enroll(workshops, daysAgo(5), '2 Gone Ave')).body;
    const exit = await client(h.url, orgs.coach).post(`/enrollments/${exited.id}/exit`, {
      kind: 'pre_program_exit',
      exitDate: daysAgo(1),
      reason: 'declined_services',
      housingStatusAtExit: 'permanent_housing',
    });
    expect(exit.body).toMatchObject({ active: false });
    expect(await prefillOf()).toEqual({
      participantId,
      fromEnrollmentId: open.id,
      fromApplicationDate: daysAgo(30),
      registration: { address: '1 Old Rd', employmentCharacteristics: ['homeless'] },
    });
    const record = (await referToHub(h, orgs, program, participantId)).body;
    expect(await prefillOf()).toEqual({
      participantId,
      fromEnrollmentId: record.id,
      fromApplicationDate: daysAgo(10),
      registration: {
        address: '12 Alder St, Portland',
        phone: '503-555-0101',
        employmentCharacteristics: ['housing_insecure'],
        employmentStatus: 'employed',
      },
    });
  });

  it('is 404 for a participant another organization cannot see, and 400 naming participantId when it is not an id', async () => {
    const participantId = await coachParticipant(h, orgs);
    const hidden = await client(h.url, orgs.stranger).get(
      `/programs/${program}/registration-prefill?participantId=${participantId}`,
    );
    expect(hidden.status).toBe(404);
    const bad = await client(h.url, orgs.coach).get(
      `/programs/${program}/registration-prefill?participantId=nope`,
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['query.participantId']);
  });
});
