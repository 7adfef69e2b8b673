import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { tokenVerifier } from '@hearth/auth';
import { startIdentity, type Identity } from './harness';

let identity: Identity;
beforeAll(async () => {
  identity = await startIdentity('identity_login');
});
afterAll(() => identity?.close());

const LAKESHORE = 'Lakeshore Refugee Resettlement';
const NORTHSIDE = 'Northside Rent Assistance Hub';
const METRO = 'Metro Coordinated Entry';

test('a login answers a 15-minute token that verifies with the JWKS identity publishes', async () => {
  const answer = await identity.login('Caseworker@Lakeshore.example');
  expect(answer.status).toBe(200);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const lakeshore = await identity.organizationId(LAKESHORE);
  expect(answer.body).toMatchObject({
    tokenType: 'Bearer',
    expiresIn: 900,
    organization: { id: lakeshore, name: LAKESHORE },
    roles: ['caseworker'],
  });

  const jwks = await identity.call('GET', '/.well-known/jwks.json');
  expect(jwks.status).toBe(200);
  const publicKeys = Object.fromEntries(
    jwks.body.keys.map((k: JsonWebKey & { kid: string }) => [
      k.kid,
      createPublicKey({ key: k, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString(),
    ]),
  );
  expect(jwks.body.keys[0]).toMatchObject({
    kty: 'RSA',
    alg: 'RS256',
    use: 'sig',
    kid: 'test-key',
  });
  expect(jwks.body.keys[0].d).toBeUndefined(); // never the private half

  const verify = tokenVerifier({
    issuer: 'hearth-identity',
    audience: 'hearth',
    keys: { publicKeys },
  });
  const actor = await verify(answer.body.accessToken);
  const me = await identity.call('GET', '/api/v1/users/me', { token: answer.body.accessToken });
  expect(me.status).toBe(200);
  expect(actor).toEqual({
    userId: me.body.id,
    orgId: lakeshore,
    roles: ['caseworker'],
    name: me.body.name,
  });

  const decoded = jwt.decode(answer.body.accessToken, { complete: true })!;
  const claims = decoded.payload as jwt.JwtPayload;
  expect(decoded.header).toMatchObject({ alg: 'RS256', kid: 'test-key' });
  expect(claims.exp! - claims.iat!).toBe(900);
  expect(Math.abs(claims.exp! - (Date.now() / 1000 + 900))).toBeLessThan(10);
  expect(claims).toMatchObject({ iss: 'hearth-identity', aud: 'hearth', sub: me.body.id });
});

test('a wrong password and an unknown email get the same 401', async () => {
  const wrongPassword = await identity.login('caseworker@lakeshore.example', 'not-the-password');
  const unknownEmail = await identity.login('nobody@lakeshore.example', 'not-the-password');
  expect(wrongPassword.status).toBe(401);
  expect(unknownEmail.status).toBe(401);
  expect(wrongPassword.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(unknownEmail.body).toEqual(wrongPassword.body);
});

test('a disabled account is refused like a wrong password', async () => {
  await identity.pool.query(
    "UPDATE users SET disabled = true WHERE email = 'contract_manager@lakeshore.example'",
  );
  const refused = await identity.login('contract_manager@lakeshore.example');
  const wrong = await identity.login('nobody@lakeshore.example', 'whatever-password');
  expect(refused.status).toBe(401);
  expect(refused.body).toEqual(wrong.body);
});

describe('a user of two organizations', () => {
  test('must choose one: 422 listing both', async () => {
    const answer = await identity.login('multi@demo.example');
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    expect(answer.body.organizations).toEqual([
      { id: await identity.organizationId(LAKESHORE), name: LAKESHORE },
      { id: await identity.organizationId(NORTHSIDE), name: NORTHSIDE },
    ]);
  });

  test('gets a token for the organization chosen, with the roles held there', async () => {
    const northside = await identity.organizationId(NORTHSIDE);
    const answer = await identity.login('multi@demo.example', undefined, northside);
    expect(answer.status).toBe(200);
    expect(answer.body.organization).toEqual({ id: northside, name: NORTHSIDE });
    expect(answer.body.roles).toEqual(['hub_staff']);
    const claims = jwt.decode(answer.body.accessToken) as jwt.JwtPayload;
    expect(claims).toMatchObject({ org: northside, roles: ['hub_staff'] });
  });

  test('is refused (403) a token for an organization they do not belong to', async () => {
    const answer = await identity.login(
      'multi@demo.example',
      undefined,
      await identity.organizationId(METRO),
    );
    expect(answer.status).toBe(403);
  });
});

test('malformed logins are 400 naming the field', async () => {
  const extra = await identity.call('POST', '/api/v1/auth/login', {
    body: { email: 'a@b.example', password: 'x', remember: true },
  });
  expect(extra.status).toBe(400);
  expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'remember' })]);
  const noPassword = await identity.call('POST', '/api/v1/auth/login', {
    body: { email: 'a@b.example' },
  });
  expect(noPassword.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  const badOrg = await identity.login('multi@demo.example', undefined, 'not-a-uuid');
  expect(badOrg.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
});

test('no answer ever carries a password hash', () => {
  expect(identity.transcript.join('\n')).not.toMatch(/argon2|password_?hash/i);
});
