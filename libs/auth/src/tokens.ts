import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
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

const VERIFIED_CACHE_SIZE = 10_000;

export function tokenVerifier(
  settings: TokenSettings & { keys: KeySource; clockToleranceSeconds?: number },
): VerifyToken {
  const keyFor = keyLookup(settings.keys);
  const tolerance = settings.clockToleranceSeconds ?? 30;
  // A token string always carries the same claims, so a verified one is remembered until it
  // expires: the signature check is the costly part of every request (bounded, oldest dropped).
  const verified = new Map<string, { actor: Actor; exp: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      if (hit.exp + tolerance > Date.now() / 1000) return hit.actor;
      verified.delete(token);
    }
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
        clockTolerance: tolerance,
      });
    } catch (err) {
      throw new InvalidToken(
        err instanceof jwt.TokenExpiredError ? 'The token has expired.' : 'The token is invalid.',
      );
    }
    const claims = accessClaims.extend({ exp: z.number() }).safeParse(payload);
    if (!claims.success) throw new InvalidToken('The token lacks the expected claims.');
    const actor = {
      userId: claims.data.sub,
      orgId: claims.data.org,
      roles: claims.data.roles,
      name: claims.data.name,
    };
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { actor, exp: claims.data.exp });
    return actor;
  };
}

const KEY_CACHE_MS = 10 * 60_000; // as long as jwks-rsa caches: a key withdrawn from the JWKS stops counting

/** Verifying keys as parsed KeyObjects, one per key id: parsing a PEM on every request is costly. */
function keyLookup(source: KeySource): (kid: string) => Promise<KeyObject> {
  const parsed = new Map<string, { key: KeyObject; at: number }>();
  const fetch = pemLookup(source);
  return async (kid) => {
    const cached = parsed.get(kid);
    if (cached && Date.now() - cached.at < KEY_CACHE_MS) return cached.key;
    const key = createPublicKey(await fetch(kid));
    parsed.set(kid, { key, at: Date.now() });
    return key;
  };
}

function pemLookup(source: KeySource): (kid: string) => Promise<string> {
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
