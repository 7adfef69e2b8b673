import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { accessClaims, type Actor } from './actor';

const ALGORITHM = 'RS256' as const;

export interface TokenSettings {
  issuer: string;
  audience: string;
}

export interface SigningKey {
  kid: string;
  privateKeyPem: string;
}

/** Mint an RS256 access token (identity at login, and the testkit). */
export function signAccessToken(
  key: SigningKey,
  settings: TokenSettings & { ttlSeconds: number },
  actor: Actor,
): string {
  return jwt.sign({ org: actor.orgId, roles: actor.roles, name: actor.name }, key.privateKeyPem, {
    algorithm: ALGORITHM,
    keyid: key.kid,
    subject: actor.userId,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: settings.ttlSeconds,
  });
}

/** The public half of a signing key as a JWK, for /.well-known/jwks.json. */
export function publicJwk(key: SigningKey): JsonWebKey {
  const jwk = createPublicKey(key.privateKeyPem).export({ format: 'jwk' });
  return { ...jwk, kid: key.kid, alg: ALGORITHM, use: 'sig' };
}

/** Where verifying keys come from: identity's JWKS (cached), or fixed public keys (tests, offline). */
export type KeySource = { jwksUri: string } | { publicKeys: Record<string, string> };

export type VerifyToken = (token: string) => Promise<Actor>;

export class InvalidToken extends Error {}

export function tokenVerifier(
  settings: TokenSettings & { keys: KeySource; clockToleranceSeconds?: number },
): VerifyToken {
  const keyFor = keyLookup(settings.keys);
  return async (token) => {
    const header = jwt.decode(token, { complete: true })?.header;
    // The algorithm is pinned: `alg: none` and HS256 signed with the public key are refused here.
    if (!header || header.alg !== ALGORITHM || typeof header.kid !== 'string') {
      throw new InvalidToken('The token is malformed or not signed with RS256.');
    }
    const key = await keyFor(header.kid);
    let payload: unknown;
    try {
      payload = jwt.verify(token, key, {
        algorithms: [ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: settings.clockToleranceSeconds ?? 30,
      });
    } catch (err) {
      throw new InvalidToken(
        err instanceof jwt.TokenExpiredError ? 'The token has expired.' : 'The token is invalid.',
      );
    }
    const claims = accessClaims.safeParse(payload);
    if (!claims.success) throw new InvalidToken('The token lacks the expected claims.');
    return {
      userId: claims.data.sub,
      orgId: claims.data.org,
      roles: claims.data.roles,
      name: claims.data.name,
    };
  };
}

function keyLookup(source: KeySource): (kid: string) => Promise<string> {
  if ('publicKeys' in source) {
    return async (kid) => {
      const pem = source.publicKeys[kid];
      if (!pem) throw new InvalidToken('The token was signed with an unknown key.');
      return pem;
    };
  }
  const client = new JwksClient({
    jwksUri: source.jwksUri,
    cache: true,
    cacheMaxAge: 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: 10,
    timeout: 2000,
  });
  return async (kid) => {
    try {
      return (await client.getSigningKey(kid)).getPublicKey();
    } catch (err) {
      if ((err as Error).name === 'SigningKeyNotFoundError')
        throw new InvalidToken('The token was signed with an unknown key.');
      throw err; // identity unreachable: a 503, not the caller's fault
    }
  };
}
