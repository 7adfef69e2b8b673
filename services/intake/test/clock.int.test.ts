import { testActor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/**
 * Intake's "now" is the clock it was started with: here a day years ago, so a rule that read the
 * machine's time instead would answer differently.
 */
const TODAY = '2020-06-01';
let intake: Awaited<ReturnType<typeof startIntake>>;
const owner = testActor({ roles: ['caseworker'] });
const partner = testActor({ roles: ['caseworker'] });

beforeAll(async () => {
  intake = await startIntake({ clock: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(() => intake.close());

const person = (birthDate: string) => ({
  firstName: 'Ines',
  lastName: `Moreau${Math.random().toString(36).slice(2, 7)}`,
  birthDate,
  sex: 'female',
  confirmNew: true,
});

describe("intake's clock", () => {
  it('refuses a birth date after the clock’s today, naming birthDate', async () => {
    const res = await client(intake.url, owner).post('/participants', person('2020-06-02'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'birthDate', message: expect.any(String) }]);
  });

  it('accepts a birth date on the clock’s today', async () => {
    const res = await client(intake.url, owner).post('/participants', person(TODAY));
    expect(res.status).toBe(201);
  });

  it('records a member who joins without a date as joining on the clock’s today', async () => {
    const api = client(intake.url, owner);
    const adult = { firstName: 'Ines', lastName: 'Moreau', birthDate: '1988-02-11', sex: 'female' };
    const head = await createParticipant(intake.url, owner, adult);
    const child = await createParticipant(intake.url, owner, { ...adult, birthDate: '2015-09-30' });
    const family = await api.post('/families', { headParticipantId: head });
    const joined = await api.post(`/families/${family.body.id}/members`, {
      participantId: child,
      relationship: 'child',
    });
    expect(joined.status).toBe(201);
    expect(joined.body.joinedOn).toBe(TODAY);
  });

  it('lets a released organization read a participant while the release is active on the clock’s today', async () => {
    const api = client(intake.url, owner);
    const id = await createParticipant(intake.url, owner, {
      firstName: 'Ines',
      lastName: 'Moreau',
      birthDate: '1990-03-03',
      sex: 'female',
      securityRestriction: 'share_mou',
    });
    const granted = await api.post(`/participants/${id}/releases`, {
      toOrgId: partner.orgId,
      beginDate: '2020-05-01',
      endDate: '2020-07-01',
      signedBy: 'Ines Moreau',
    });
    expect(granted.status).toBe(201);
    expect((await client(intake.url, partner).get(`/participants/${id}`)).status).toBe(200);
  });
});
