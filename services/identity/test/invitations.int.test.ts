import { startIdentity, type Identity } from './harness';

let identity: Identity;
let metro: string;
let metroAdmin: string;
let lakeshoreAdmin: string;
beforeAll(async () => {
  identity = await startIdentity('identity_invitations');
  metro = await identity.organizationId('Metro Coordinated Entry');
  // The demo has no Metro admin: the test makes one through the demo's Lakeshore admin account.
  await identity.pool.query(
    `INSERT INTO memberships (user_id, org_id, roles)
     SELECT id, $1, ARRAY['admin'] FROM users WHERE email = 'admin@lakeshore.example'`,
    [metro],
  );
  metroAdmin = await identity.tokenFor('admin@lakeshore.example', metro);
  lakeshoreAdmin = await identity.tokenFor(
    'admin@lakeshore.example',
    await identity.organizationId('Lakeshore Refugee Resettlement'),
  );
});
afterAll(() => identity?.close());

const invite = (token: string, email: string, roles = ['ce_manager']) =>
  identity.call('POST', '/api/v1/users/invitations', { token, body: { email, roles } });
const tokenSentTo = (email: string) =>
  identity.inbox.filter((m) => m.email === email).at(-1)!.token;
// What may differ between two invitations: their id, address and expiry.
const sameShape = (answer: Record<string, unknown>) => ({
  ...answer,
  id: 0,
  email: 0,
  expiresAt: 0,
});

test('an invitation is answered 202 alike whether or not an account holds the email, naming no one', async () => {
  const existing = await invite(metroAdmin, 'hub_staff@northside-hub.example');
  const unknown = await invite(metroAdmin, 'nobody.yet@metro-ce.example');
  expect([existing.status, unknown.status]).toEqual([202, 202]);
  expect(Object.keys(existing.body).sort()).toEqual(['email', 'expiresAt', 'id', 'roles']);
  expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(existing.body).sort());
  expect(sameShape(existing.body)).toEqual(sameShape(unknown.body));
  expect(existing.text).not.toContain('Harper');
  expect(identity.inbox.map((m) => m.email)).toEqual(
    expect.arrayContaining(['hub_staff@northside-hub.example', 'nobody.yet@metro-ce.example']),
  );
});

test('an existing user joins another organization only once they accept the invitation', async () => {
  const email = 'hub_staff@northside-hub.example';
  expect((await identity.login(email)).status).toBe(200); // still one organization: no choice asked
  const hubToken = await identity.tokenFor(email);
  const pending = await identity.call('GET', '/api/v1/users/me/invitations', { token: hubToken });
  expect(pending.body.items).toEqual([
    expect.objectContaining({ organizationName: 'Metro Coordinated Entry', roles: ['ce_manager'] }),
  ]);
  const accepted = await identity.call(
    'POST',
    `/api/v1/users/me/invitations/${pending.body.items[0].id}/accept`,
    { token: hubToken },
  );
  expect(accepted.status).toBe(200);
  expect(accepted.body).toMatchObject({ organizationId: metro, roles: ['ce_manager'] });
  const atMetro = await identity.login(email, undefined, metro);
  expect(atMetro.status).toBe(200);
  expect(atMetro.body.roles).toEqual(['ce_manager']);
  const again = await identity.call(
    'POST',
    `/api/v1/users/me/invitations/${pending.body.items[0].id}/accept`,
    { token: hubToken },
  );
  expect(again.status).toBe(404);
});

test("a user cannot accept an invitation addressed to someone else's email", async () => {
  const sent = await invite(metroAdmin, 'supervisor@lakeshore.example', ['supervisor']);
  const caseworker = await identity.tokenFor('caseworker@lakeshore.example');
  const stolen = await identity.call(
    'POST',
    `/api/v1/users/me/invitations/${sent.body.id}/accept`,
    {
      token: caseworker,
    },
  );
  expect(stolen.status).toBe(404);
});

test('someone without an account sets a name and password through the token, then logs in', async () => {
  const email = 'nobody.yet@metro-ce.example';
  const body = {
    token: tokenSentTo(email),
    name: 'Noor Newcomer',
    password: 'a-long-new-password',
  };
  const created = await identity.call('POST', '/api/v1/auth/invitations/accept', { body });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ organizationId: metro, roles: ['ce_manager'] });
  const login = await identity.login(email, 'a-long-new-password');
  expect(login.status).toBe(200);
  expect(login.body.organization.name).toBe('Metro Coordinated Entry');
  const reused = await identity.call('POST', '/api/v1/auth/invitations/accept', { body });
  expect(reused.status).toBe(422);
  expect(reused.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
});

test("an invitation's token never replaces an account's password: it asks for that password", async () => {
  const email = 'contract_manager@lakeshore.example';
  await invite(metroAdmin, email);
  const takeOver = { token: tokenSentTo(email), name: 'Impostor', password: 'take-over-password' };
  const refused = await identity.call('POST', '/api/v1/auth/invitations/accept', {
    body: takeOver,
  });
  expect(refused.status).toBe(401);
  expect((await identity.login(email)).status).toBe(200); // the owner's password is untouched
  const withOwn = { token: tokenSentTo(email), password: 'demo-password-1' };
  const joined = await identity.call('POST', '/api/v1/auth/invitations/accept', { body: withOwn });
  expect(joined.status).toBe(201);
  expect((await identity.login(email, undefined, metro)).body.roles).toEqual(['ce_manager']);
});

test('a new account through a token needs a name and a password of 12 or more characters', async () => {
  const email = 'incomplete@metro-ce.example';
  await invite(metroAdmin, email);
  const accept = (body: object) =>
    identity.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: tokenSentTo(email), ...body },
    });
  const noName = await accept({ password: 'a-long-new-password' });
  expect(noName.status).toBe(422);
  expect(noName.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  const shortPassword = await accept({ name: 'Ines Complete', password: 'short-pw' });
  expect(shortPassword.status).toBe(422);
  expect(shortPassword.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  expect((await accept({ name: 'Ines Complete', password: 'a-long-new-password' })).status).toBe(
    201,
  );
});

test('a lapsed invitation can no longer be accepted', async () => {
  const email = 'too.late@metro-ce.example';
  const sent = await invite(metroAdmin, email);
  await identity.pool.query(
    "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1",
    [sent.body.id],
  );
  const body = { token: tokenSentTo(email), name: 'Tom Late', password: 'a-long-new-password' };
  const answer = await identity.call('POST', '/api/v1/auth/invitations/accept', { body });
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
});

test('an admin lists the pending invitations and revokes one, which can then not be accepted', async () => {
  const email = 'later@metro-ce.example';
  const sent = await invite(metroAdmin, email);
  const listed = await identity.call('GET', '/api/v1/users/invitations', { token: metroAdmin });
  expect(listed.body.items.map((i: { email: string }) => i.email)).toContain(email);
  const otherOrg = await identity.call('DELETE', `/api/v1/users/invitations/${sent.body.id}`, {
    token: lakeshoreAdmin,
  });
  expect(otherOrg.status).toBe(404);
  const revoked = await identity.call('DELETE', `/api/v1/users/invitations/${sent.body.id}`, {
    token: metroAdmin,
  });
  expect(revoked.status).toBe(204);
  const body = { token: tokenSentTo(email), name: 'Late Comer', password: 'a-long-new-password' };
  expect((await identity.call('POST', '/api/v1/auth/invitations/accept', { body })).status).toBe(
    422,
  );
});

test('an agency admin cannot invite anyone as system_admin', async () => {
  const answer = await invite(metroAdmin, 'climber@metro-ce.example', ['system_admin']);
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'roles.0' })]);
});

test("an organization's admin removes a member, who can then no longer log in there", async () => {
  const email = 'ce_manager@metro-ce.example';
  const { rows } = await identity.pool.query('SELECT id FROM users WHERE email = $1', [email]);
  const fromOtherOrg = await identity.call('DELETE', `/api/v1/users/${rows[0].id}`, {
    token: lakeshoreAdmin,
  });
  expect(fromOtherOrg.status).toBe(404);
  const removed = await identity.call('DELETE', `/api/v1/users/${rows[0].id}`, {
    token: metroAdmin,
  });
  expect(removed.status).toBe(204);
  expect((await identity.login(email)).status).toBe(403);
});

test('someone removed from their only organization joins another through the token and their password', async () => {
  const email = 'ce_manager@metro-ce.example'; // removed from Metro just above: no organization now
  await invite(lakeshoreAdmin, email, ['caseworker']);
  const body = { token: tokenSentTo(email), password: 'demo-password-1' };
  expect((await identity.call('POST', '/api/v1/auth/invitations/accept', { body })).status).toBe(
    201,
  );
  const login = await identity.login(email);
  expect(login.status).toBe(200);
  expect(login.body.organization.name).toBe('Lakeshore Refugee Resettlement');
});
