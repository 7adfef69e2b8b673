import { startIdentity, type Identity } from './harness';

let identity: Identity;
beforeAll(async () => {
  identity = await startIdentity('identity_throttle', { trustClientAddressHeader: true });
});
afterAll(() => identity?.close());

const from = (address: string) => ({ 'x-client-address': address });
const loginFrom = (address: string, email: string, password?: string) =>
  identity.login(email, password, undefined, from(address));

/** Failures that happened earlier, without waiting through their delays in the test. */
async function failedEarlier(email: string, address: string, count: number, minutesAgo: number) {
  await identity.pool.query(
    `INSERT INTO login_failures (email, address, failed_at)
     SELECT $1, $2, now() - make_interval(mins => $4) FROM generate_series(1, $3)`,
    [email, address, count, minutesAgo],
  );
}

test("a stranger's guesses at an email from one address never lock its owner out elsewhere", async () => {
  const email = 'caseworker@lakeshore.example';
  for (let i = 1; i <= 12; i++)
    expect([401, 429]).toContain((await loginFrom('203.0.113.10', email, `guess-${i}`)).status);
  expect((await loginFrom('198.51.100.20', email)).status).toBe(200);
});

test('from the fourth failure on, each next try from that address waits longer: 1 s, then 2 s', async () => {
  const email = 'contract_manager@lakeshore.example';
  for (let i = 1; i <= 4; i++)
    expect((await loginFrom('203.0.113.11', email, 'wrong-password')).status).toBe(401);
  const tooSoon = await loginFrom('203.0.113.11', email);
  expect(tooSoon.status).toBe(429);
  expect(tooSoon.headers.get('retry-after')).toBe('1');
  await new Promise((r) => setTimeout(r, 1100));
  expect((await loginFrom('203.0.113.11', email, 'wrong-password')).status).toBe(401);
  expect((await loginFrom('203.0.113.11', email)).headers.get('retry-after')).toBe('2');
});

test('ten failures for an email from one address refuse even the right password there for the rest of 15 minutes', async () => {
  const email = 'supervisor@lakeshore.example';
  await failedEarlier(email, '203.0.113.12', 10, 5);
  const refused = await loginFrom('203.0.113.12', email);
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(590); // the oldest failure leaves the window 10 min from now
  expect(retryAfter).toBeLessThanOrEqual(600);
  expect((await loginFrom('198.51.100.22', email)).status).toBe(200);
  expect((await loginFrom('203.0.113.12', email)).status).toBe(429); // elsewhere clears nothing here
});

test('a hundred failures from one address over many emails refuse that address for any email', async () => {
  for (let i = 0; i < 100; i++)
    await failedEarlier(`sprayed-${i}@nowhere.example`, '203.0.113.13', 1, 1);
  expect((await loginFrom('203.0.113.13', 'ce_manager@metro-ce.example')).status).toBe(429);
  expect((await loginFrom('198.51.100.23', 'ce_manager@metro-ce.example')).status).toBe(200);
});

test('guesses from one IPv6 /64 count as one address; the next /64 is another', async () => {
  const email = 'admin@lakeshore.example';
  for (let i = 1; i <= 4; i++)
    expect((await loginFrom(`2001:db8:1:2::${i}`, email, 'wrong-password')).status).toBe(401);
  expect((await loginFrom('2001:db8:1:2:ffff::9', email)).status).toBe(429);
  expect((await loginFrom('2001:db8:1:3::1', email)).status).toBe(200);
});

test('concurrent guesses from one address cannot slip past the delays', async () => {
  const answers = await Promise.all(
    Array.from({ length: 15 }, (_, i) =>
      loginFrom('203.0.113.14', 'burst@nowhere.example', `g-${i}`),
    ),
  );
  const statuses = answers.map((a) => a.status);
  // Three free failures, a fourth tried at once, then a 1 s wait that every other guess meets.
  expect(statuses.filter((s) => s === 401)).toHaveLength(4);
  expect(statuses.filter((s) => s === 429)).toHaveLength(11);
});

test("a correct password clears that address's earlier failures for the email", async () => {
  const email = 'hub_staff@northside-hub.example';
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 3; i++) await loginFrom('203.0.113.15', email, 'typo-password');
    expect((await loginFrom('203.0.113.15', email)).status).toBe(200);
  }
});

test('refused attempts are not stored: hammering leaves the table bounded', async () => {
  const email = 'hammered@nowhere.example';
  for (let i = 0; i < 8; i++) await loginFrom('203.0.113.16', email, 'wrong-password');
  const { rows } = await identity.pool.query(
    'SELECT count(*)::int AS n FROM login_failures WHERE email = $1',
    [email],
  );
  expect(rows[0].n).toBe(4); // the four tried; the four refused during the 1 s wait are not kept
});

describe('without TRUST_CLIENT_ADDRESS_HEADER', () => {
  let direct: Identity;
  beforeAll(async () => {
    direct = await startIdentity('identity_throttle_direct');
  });
  afterAll(() => direct?.close());

  test('a client-set X-Client-Address is ignored: the connection is the address', async () => {
    const email = 'caseworker@lakeshore.example';
    for (let i = 0; i < 4; i++)
      await direct.login(email, 'wrong-password', undefined, from('203.0.113.30'));
    const disguised = await direct.login(email, undefined, undefined, from('198.51.100.31'));
    expect(disguised.status).toBe(429);
  });
});
