import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidToken, publicJwk, tokenVerifier } from '@hearth/auth';
import {
  mintToken,
  tamperedTokens,
  testActor,
  testKeys,
  testPrivateKeyPem,
  testTokenSettings,
} from '@hearth/testkit';

const verify = tokenVerifier({ ...testTokenSettings, keys: testKeys });
const actor = testActor({ roles: ['caseworker', 'supervisor'] });

describe('token verification', () => {
  it('accepts a token identity would issue and returns the actor', async () => {
    await expect(verify(mintToken(actor))).resolves.toEqual(actor);
  });

  it.each(Object.keys(tamperedTokens(actor)))('refuses a %s token', async (kind) => {
    const token = tamperedTokens(actor)[kind as keyof ReturnType<typeof tamperedTokens>];
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it.each(['another-key', 'constructor', '__proto__'])(
    'refuses a token naming the kid %s, which the keys lack, as signed with an unknown key',
    async (kid) => {
      const token = jwt.sign({ org: actor.orgId, roles: [], name: 'x' }, testPrivateKeyPem, {
        algorithm: 'RS256',
        keyid: kid,
        expiresIn: 60,
        subject: actor.userId,
        issuer: 'hearth-identity',
        audience: 'hearth',
      });
      await expect(verify(token)).rejects.toThrow(/unknown key/);
    },
  );

  it('refuses a token from another issuer, one with a wrong claim shape, and garbage', async () => {
    const sign = (payload: object, opts: jwt.SignOptions = {}) =>
      jwt.sign(payload, testPrivateKeyPem, {
        algorithm: 'RS256',
        keyid: 'test-key',
        expiresIn: 60,
        ...opts,
      });
    await expect(
      verify(
        sign(
          { org: actor.orgId, roles: [], name: 'x' },
          { subject: actor.userId, issuer: 'evil', audience: 'hearth' },
        ),
      ),
    ).rejects.toThrow(InvalidToken);
    await expect(
      verify(
        sign(
          { org: 'not-a-uuid', roles: [], name: 'x' },
          { subject: actor.userId, issuer: 'hearth-identity', audience: 'hearth' },
        ),
      ),
    ).rejects.toThrow(/claims/);
    await expect(verify('not.a.token')).rejects.toThrow(InvalidToken);
  });

  it('tolerates small clock skew but not an expiry a minute old', async () => {
    const sign = (expOffset: number) =>
      jwt.sign(
        {
          org: actor.orgId,
          roles: actor.roles,
          name: actor.name,
          sub: actor.userId,
          exp: Math.floor(Date.now() / 1000) + expOffset,
        },
        testPrivateKeyPem,
        {
          algorithm: 'RS256',
          keyid: 'test-key',
          issuer: 'hearth-identity',
          audience: 'hearth',
        },
      );
    await expect(verify(sign(-10))).resolves.toEqual(actor);
    await expect(verify(sign(-60))).rejects.toThrow(/expired/);
  });

  it('publishes the public half of a key as a JWK without private parts', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicJwk({
      kid: 'k1',
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    expect(jwk).toMatchObject({ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
  });
});
