import { testActor } from '@hearth/testkit';
import { client, startIntake } from './harness';

/** The duplicate check before intake, against real Postgres (pg_trgm, fuzzystrmatch, indexes). */
let intake: Awaited<ReturnType<typeof startIntake>>;
const worker = testActor({ roles: ['caseworker'] });
const otherAgency = testActor({ roles: ['caseworker'] });
let williamId: string;

beforeAll(async () => {
  intake = await startIntake();
  const api = client(intake.url, worker);
  const william = await api.post('/participants', {
    firstName: 'William',
    middleName: 'James',
    lastName: 'Garcia-Lopez',
    birthDate: '1988-03-04',
    sex: 'male',
    ssn: '123-45-6789',
    alienNumber: 'A098765432',
  });
  williamId = william.body.id;
  for (const [firstName, lastName, birthDate] of [
    ['Grace', 'Nakamura', '1975-12-01'],
    ['Wilma', 'Garner', '1960-06-06'],
    ['Liam', 'Gross', '2001-03-04'],
  ]) {
    await api.post('/participants', {
      firstName,
      lastName,
      birthDate,
      sex: 'female',
      confirmNew: true,
    });
  }
  // the same person, recorded by another agency that keeps it to itself: must never surface
  await client(intake.url, otherAgency).post('/participants', {
    firstName: 'William',
    lastName: 'Garcia-Lopez',
    birthDate: '1988-03-04',
    sex: 'male',
    confirmNew: true,
  });
});
afterAll(() => intake.close());

const match = (body: object, actor = worker) =>
  client(intake.url, actor).post('/participants/matches', body);

describe('duplicate matching', () => {
  it.each([
    ['a typo', { firstName: 'Wiliam', lastName: 'Garcia-Lopez', birthDate: '1988-03-04' }],
    ['a nickname', { firstName: 'Bill', lastName: 'Garcia-Lopez', birthDate: '1988-03-04' }],
    [
      'a phonetic spelling',
      { firstName: 'William', lastName: 'Garsia-Lopes', birthDate: '1988-03-04' },
    ],
    [
      'first and last name swapped',
      { firstName: 'Garcia-Lopez', lastName: 'William', birthDate: '1988-03-04' },
    ],
    [
      'only one of a double last name',
      { firstName: 'William', lastName: 'Garcia', birthDate: '1988-03-04' },
    ],
    [
      'day and month swapped',
      { firstName: 'William', lastName: 'Garcia-Lopez', birthDate: '1988-04-03' },
    ],
    [
      'a birth date one digit off',
      { firstName: 'William', lastName: 'Garcia-Lopez', birthDate: '1988-03-14' },
    ],
    [
      'only the alien number and a misspelt name',
      { firstName: 'Willem', lastName: 'Garsia', alienNumber: '098-765-432' },
    ],
  ])('finds the existing person despite %s, ranked first with reasons', async (_label, query) => {
    const res = await match(query);
    expect(res.status).toBe(200);
    expect(res.body.items[0].participant.id).toBe(williamId);
    expect(res.body.items[0].score).toBeGreaterThanOrEqual(res.body.likelyDuplicateScore);
    expect(res.body.items[0].reasons.length).toBeGreaterThan(0);
  });

  it('never returns, nor counts, candidates the actor may not see', async () => {
    const mine = await match({
      firstName: 'William',
      lastName: 'Garcia-Lopez',
      birthDate: '1988-03-04',
    });
    expect(mine.body.items.filter((c: { score: number }) => c.score >= 70)).toHaveLength(1);
    const theirs = await match(
      { firstName: 'Grace', lastName: 'Nakamura', birthDate: '1975-12-01' },
      otherAgency,
    );
    expect(theirs.body.items).toEqual([]);
  });

  it('requires confirmNew to create someone whose top candidate is a likely duplicate', async () => {
    const api = client(intake.url, worker);
    const body = {
      firstName: 'Bill',
      lastName: 'Garcia-Lopez',
      birthDate: '1988-03-04',
      sex: 'male',
    };
    const refused = await api.post('/participants', body);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].field).toBe('confirmNew');
    expect(refused.body.candidates[0].participant.id).toBe(williamId);
    expect((await api.post('/participants', { ...body, confirmNew: true })).status).toBe(201);
    // someone clearly new needs no confirmation
    expect(
      (
        await api.post('/participants', {
          firstName: 'Tendai',
          lastName: 'Moyo',
          birthDate: '1999-09-09',
          sex: 'female',
        })
      ).status,
    ).toBe(201);
  });

  it('lists all accessible people of a name when only first and last name are given', async () => {
    const res = await match({ firstName: 'William', lastName: 'Garcia-Lopez' });
    expect(res.body.items.map((c: { participant: { id: string } }) => c.participant.id)).toContain(
      williamId,
    );
  });
});
