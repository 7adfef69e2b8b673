import { startIdentity, type Identity } from './harness';

let identity: Identity;
beforeAll(async () => {
  identity = await startIdentity('identity_throttle');
});
afterAll(() => identity?.close());

test('the 11th failed login within 15 minutes is refused with 429, even with the right password', async () => {
  const email = 'supervisor@lakeshore.example';
  for (let i = 1; i <= 10; i++)
    expect((await identity.login(email, `wrong-${i}`)).status).toBe(401);
  const eleventh = await identity.login(email, 'wrong-11');
  expect(eleventh.status).toBe(429);
  expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(800);
  expect((await identity.login(email)).status).toBe(429);
  // Refused attempts are not stored: the table stays bounded however hard one email is hammered.
  const { rows } = await identity.pool.query(
    'SELECT count(*)::int AS n FROM login_failures WHERE email = $1',
    [email],
  );
  expect(rows[0].n).toBe(10);
});

test('concurrent guesses cannot slip past the limit', async () => {
  const answers = await Promise.all(
    Array.from({ length: 15 }, (_, i) => identity.login('burst@nowhere.example', `guess-${i}`)),
  );
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 401)).toHaveLength(10);
  expect(statuses.filter((s) => s === 429)).toHaveLength(5);
});

test('a correct password clears earlier failures', async () => {
  const email = 'ce_manager@metro-ce.example';
  for (let i = 0; i < 9; i++) await identity.login(email, 'typo-password');
  expect((await identity.login(email)).status).toBe(200);
  for (let i = 0; i < 9; i++) await identity.login(email, 'typo-password');
  expect((await identity.login(email)).status).toBe(200);
});
