import { startIdentity, type Identity } from './harness';

// "Now" for identity's rules is its clock, so a test moves time instead of waiting for it.
const START = new Date('2030-01-01T00:00:00Z');
let now = START;
const moveTo = (instant: string) => (now = new Date(instant));

let identity: Identity;
let admin: string;
beforeAll(async () => {
  identity = await startIdentity('identity_clock', { clock: () => now });
  admin = await identity.tokenFor('admin@lakeshore.example');
});
afterAll(() => identity?.close());
beforeEach(() => (now = START));

const invite = (email: string) =>
  identity.call('POST', '/api/v1/users/invitations', {
    token: admin,
    body: { email, roles: ['caseworker'] },
  });
const acceptAsNewAccount = (token: string) =>
  identity.call('POST', '/api/v1/auth/invitations/accept', {
    body: { token, name: 'Noor Haddad', password: 'a-long-new-password' },
  });
const tokenSentTo = (email: string) =>
  identity.inbox.filter((m) => m.email === email).at(-1)!.token;

test("an invitation expires a week after the service's clock at the moment of inviting", async () => {
  const invited = await invite('week.later@lakeshore.example');
  expect(invited.status).toBe(202);
  expect(invited.body.expiresAt).toBe('2030-01-08T00:00:00Z');
});

test("once the service's clock passes the invitation's week, its token makes no account", async () => {
  await invite('too.late@lakeshore.example');
  moveTo('2030-01-08T00:00:01Z');
  const late = await acceptAsNewAccount(tokenSentTo('too.late@lakeshore.example'));
  expect(late.status).toBe(422);
  expect(late.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
});

test("an invitation still inside its week by the service's clock is accepted", async () => {
  await invite('just.in.time@lakeshore.example');
  moveTo('2030-01-07T23:59:59Z');
  expect((await acceptAsNewAccount(tokenSentTo('just.in.time@lakeshore.example'))).status).toBe(
    201,
  );
});

test("the wait after the fourth failed login ends when the service's clock moves a second on", async () => {
  const email = 'caseworker@lakeshore.example';
  for (let i = 1; i <= 4; i++)
    expect((await identity.login(email, 'wrong-password')).status).toBe(401);
  const tooSoon = await identity.login(email);
  expect(tooSoon.status).toBe(429);
  expect(tooSoon.headers.get('retry-after')).toBe('1');
  moveTo('2030-01-01T00:00:01Z');
  expect((await identity.login(email)).status).toBe(200);
});
