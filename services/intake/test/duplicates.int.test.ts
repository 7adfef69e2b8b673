import { testActor } from '@hearth/testkit';
import { scanForDuplicates } from '../src/use-cases/scan-for-duplicates';
import { client, startIntake } from './harness';

/** Suspected duplicates among existing records: the background scan, the supervisor's list, dismissal. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const agency = testActor({ roles: ['supervisor'] });
const worker = testActor({ roles: ['caseworker'], orgId: agency.orgId });
const otherAgency = testActor({ roles: ['supervisor'] });
const ids: Record<string, string> = {};

const person = (firstName: string, lastName: string, birthDate: string, extra = {}) => ({
  firstName,
  lastName,
  birthDate,
  sex: 'female',
  confirmNew: true,
  ...extra,
});

beforeAll(async () => {
  intake = await startIntake();
  const create = async (key: string, actor: typeof agency, body: object) => {
    const res = await client(intake.url, actor).post('/participants', body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    ids[key] = res.body.id;
  };
  await create('amira', agency, person('Amira', 'Haddadin', '1990-05-17'));
  await create('amira2', agency, person('Amira', 'Haddadin', '1990-05-17'));
  await create(
    'amiraSsn',
    agency,
    person('Amira', 'Haddadin', '1990-05-17', { ssn: '123-45-6789' }),
  );
  await create(
    'amiraSsn2',
    agency,
    person('Amira', 'Haddadin', '1990-05-17', { ssn: '234-56-6789' }),
  );
  // another agency's record of the same person, kept to itself: never surfaces for `agency`
  await create('theirs', otherAgency, person('Amira', 'Haddadin', '1990-05-17'));
  await create('unlike', agency, person('Tomasz', 'Wojcik', '1950-01-01'));
  await scanForDuplicates({ pool: intake.pool, clock: () => new Date() });
});
afterAll(() => intake.close());

const list = (actor = agency, query = '') =>
  client(intake.url, actor).get(`/participants/duplicates${query}`);
const key = (pair: { participants: Array<{ id: string }> }) =>
  pair.participants
    .map((p) => Object.keys(ids).find((k) => ids[k] === p.id) ?? 'unknown')
    .sort()
    .join('+');

describe('suspected duplicates', () => {
  it('lists the pairs of visible records, scored and explained like the intake check', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    // same name (55) + same birth date (30) = 85; the same SSN last 4 adds 10 = 95
    const byPair = Object.fromEntries(res.body.items.map((p: never) => [key(p), p]));
    expect(byPair['amiraSsn+amiraSsn2']).toMatchObject({
      score: 95,
      reasons: ['same_name', 'birth_date_same', 'ssn_last4_same'],
    });
    expect(byPair['amira+amira2']).toMatchObject({
      score: 85,
      reasons: ['same_name', 'birth_date_same'],
    });
    // four records of the agency alike: 6 pairs, best first; nothing of the other agency's record
    expect(res.body.items).toHaveLength(6);
    expect(res.body.items[0].score).toBe(95);
    expect(Object.keys(byPair).some((k) => k.includes('theirs') || k.includes('unknown'))).toBe(
      false,
    );
    expect(Object.keys(byPair).some((k) => k.includes('unlike'))).toBe(false);
  });

  it('shows another organization none of the pairs it cannot see both sides of', async () => {
    const res = await list(otherAgency);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('pages with a cursor, every pair once', async () => {
    const first = await list(agency, '?limit=4');
    const second = await list(agency, `?limit=4&cursor=${first.body.nextCursor}`);
    expect(first.body.items).toHaveLength(4);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map(key);
    expect(new Set(all).size).toBe(6);
  });

  it('is a supervisor’s list: a caseworker is refused', async () => {
    expect((await list(worker)).status).toBe(403);
  });

  it('refuses a cursor it did not give out and unknown parameters', async () => {
    const bad = await list(agency, '?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
    expect((await list(agency, '?score=5')).status).toBe(400);
  });

  it('never shows a dismissed pair again, even after the records change and are scanned again', async () => {
    const api = client(intake.url, agency);
    const dismissed = await api.post('/participants/duplicates/dismissals', {
      participantIds: [ids.amira2, ids.amira],
      reason: 'Twins, checked with the family',
    });
    expect(dismissed.status).toBe(201);
    expect(dismissed.body).toMatchObject({
      dismissedBy: agency.userId,
      reason: 'Twins, checked with the family',
    });
    const { version } = (await api.get(`/participants/${ids.amira}`)).body;
    const edited = await api.patch(`/participants/${ids.amira}`, { middleName: 'Noor', version });
    expect(edited.status).toBe(200);
    // the scheduled scan may have taken it first: either way it is scanned since its change
    await scanForDuplicates({ pool: intake.pool, clock: () => new Date() });
    const { rows } = await intake.pool.query(
      'SELECT match_scanned_at = updated_at AS scanned FROM participants WHERE id = $1',
      [ids.amira],
    );
    expect(rows[0].scanned).toBe(true);
    const keys = (await list()).body.items.map(key);
    expect(keys).not.toContain('amira+amira2');
    expect(keys).toHaveLength(5);
    const history = await api.get(`/participants/${ids.amira2}/history`);
    expect(history.body.items[0]).toMatchObject({
      field: 'duplicateDismissed',
      newValue: { participantId: ids.amira, reason: 'Twins, checked with the family' },
    });
    const again = await api.post('/participants/duplicates/dismissals', {
      participantIds: [ids.amira, ids.amira2],
      reason: 'again',
    });
    expect(again.status).toBe(409);
  });

  it('answers 404, audited, to a dismissal naming a record the organization may not see', async () => {
    const res = await client(intake.url, agency).post('/participants/duplicates/dismissals', {
      participantIds: [ids.amiraSsn, ids.theirs],
      reason: 'not them',
    });
    expect(res.status).toBe(404);
    await new Promise((r) => setTimeout(r, 100)); // the denial is written after the answer
    const { rows } = await intake.pool.query(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND org_id = $2',
      [ids.theirs, agency.orgId],
    );
    expect(rows.map((r) => r.reason)).toContain('restricted_to_org');
  });

  it('names the field at fault in a bad dismissal', async () => {
    const api = client(intake.url, agency);
    const short = await api.post('/participants/duplicates/dismissals', {
      participantIds: [ids.amira],
      reason: 'x',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toMatch(/^participantIds/);
    const blank = await api.post('/participants/duplicates/dismissals', {
      participantIds: [ids.amira, ids.unlike],
      reason: '  ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].field).toBe('reason');
    const notSuspected = await api.post('/participants/duplicates/dismissals', {
      participantIds: [ids.amira, ids.unlike],
      reason: 'never suspected',
    });
    expect(notSuspected.status).toBe(404);
  });
});
