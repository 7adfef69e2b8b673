import { generateKeyPairSync, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { signAccessToken, type Actor, type KeySource } from '@hearth/auth';

export const TEST_ISSUER = 'hearth-identity';
export const TEST_AUDIENCE = 'hearth';
const KID = 'test-key';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const testPrivateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
export const testPublicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** What a service under test verifies tokens with. */
export const testKeys: KeySource = { publicKeys: { [KID]: testPublicKeyPem } };
export const testTokenSettings = { issuer: TEST_ISSUER, audience: TEST_AUDIENCE };

export function testActor(overrides: Partial<Actor> = {}): Actor {
  return {
    userId: randomUUID(),
    orgId: randomUUID(),
    roles: ['caseworker'],
    name: 'Test Worker',
    ...overrides,
  };
}

export function mintToken(actor: Actor, ttlSeconds = 900): string {
  return signAccessToken(
    { kid: KID, privateKeyPem: testPrivateKeyPem },
    { ...testTokenSettings, ttlSeconds },
    actor,
  );
}

/** Tokens an attacker would try; each must be refused with 401. */
export function tamperedTokens(actor: Actor) {
  const claims = {
    org: actor.orgId,
    roles: actor.roles,
    name: actor.name,
    sub: actor.userId,
    iss: TEST_ISSUER,
    aud: TEST_AUDIENCE,
  };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 600;
  return {
    algNone: `${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64({ ...claims, exp })}.`,
    hs256WithPublicKey: jwt.sign({ ...claims, exp }, testPublicKeyPem, {
      algorithm: 'HS256',
      keyid: KID,
    }),
    wrongAudience: jwt.sign({ ...claims, aud: 'someone-else', exp }, testPrivateKeyPem, {
      algorithm: 'RS256',
      keyid: KID,
    }),
    expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }, testPrivateKeyPem, {
      algorithm: 'RS256',
      keyid: KID,
    }),
    otherKey: jwt.sign(
      { ...claims, exp },
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        type: 'pkcs8',
        format: 'pem',
      }),
      {
        algorithm: 'RS256',
        keyid: KID,
      },
    ),
  };
}
