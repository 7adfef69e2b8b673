import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { accessClaims, type Actor } from './actor';
import { InvalidToken } from './errors';
import { verifyingKeys, type KeySource } from './keys';
import { VerifiedTokens } from './verified-tokens';

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

export type VerifyToken = (token: string) => Promise<Actor>;

/** A VerifyToken that owns a key-refresh timer: close it on shutdown. */
export type TokenVerifier = VerifyToken & { close(): void };

export interface VerifierSettings extends TokenSettings {
  keys: KeySource;
  clockToleranceSeconds?: number;
  /** The longest a verification is remembered (never past the token's exp). */
  verifiedMaxAgeMs?: number;
  /** Milliseconds since the epoch; tests move it by hand. */
  now?: () => number;
}

const VERIFIED_CACHE_SIZE = 10_000;

export function tokenVerifier(settings: VerifierSettings): TokenVerifier {
  const now = settings.now ?? Date.now;
  const keys = verifyingKeys(settings.keys, now);
  const tolerance = settings.clockToleranceSeconds ?? 30;
  // The signature check is the costly part of every request, so a verified token is remembered.
  const verified = new VerifiedTokens({
    maxEntries: VERIFIED_CACHE_SIZE,
    maxAgeMs: settings.verifiedMaxAgeMs ?? 5 * 60_000,
    currentKey: (kid) => keys.current(kid),
  });
  const verify = async (token: string): Promise<Actor> => {
    const remembered = verified.recall(token, now());
    if (remembered) return remembered;
    const header = jwt.decode(token, { complete: true })?.header;
    // The algorithm is pinned: `alg: none` and HS256 signed with the public key are refused here.
    if (!header || header.alg !== ALGORITHM || typeof header.kid !== 'string') {
      throw new InvalidToken('The token is malformed or not signed with RS256.');
    }
    const key = await keys.lookup(header.kid);
    let payload: unknown;
    try {
      payload = jwt.verify(token, key, {
        algorithms: [ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: tolerance,
        clockTimestamp: Math.floor(now() / 1000),
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
    verified.remember(token, { actor, kid: header.kid, key, exp: claims.data.exp }, now());
    return actor;
  };
  return Object.assign(verify, { close: () => keys.close() });
}
