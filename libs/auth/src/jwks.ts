import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { InvalidToken, KeysUnavailable } from './errors';
import type { VerifyingKeys } from './keys';

export interface JwksTiming {
  /** How often the key set is fetched on schedule (identity sends max-age=300). */
  refreshMs?: number;
  /** The least time between fetches asked for by tokens naming a kid not in the set. */
  unknownKidRefetchMs?: number;
  timeoutMs?: number;
}

const DEFAULTS: Required<JwksTiming> = {
  refreshMs: 5 * 60_000,
  unknownKidRefetchMs: 10_000,
  timeoutMs: 2000,
};
const MAX_MISSES = 10_000;

/**
 * Identity's key set, fetched on a timer and kept between fetches. Anyone can send a token naming
 * any kid, so a kid the set lacks may cause a fetch at most once per `unknownKidRefetchMs` (a key
 * rotated in is found that quickly) and a kid still missing after a fetch is remembered as a miss
 * until the set changes. Known keys never wait for a fetch: a failed or refused fetch keeps the
 * last good set, so valid tokens keep verifying while identity is down.
 */
export class JwksKeys implements VerifyingKeys {
  private readonly timing: Required<JwksTiming>;
  private keys = new Map<string, KeyObject>();
  private fetchedOnce = false;
  private readonly misses = new Set<string>();
  private lastAttemptAt = -Infinity;
  private inFlight?: Promise<boolean>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly source: { jwksUri: string } & JwksTiming,
    private readonly now: () => number,
  ) {
    this.timing = {
      refreshMs: source.refreshMs ?? DEFAULTS.refreshMs,
      unknownKidRefetchMs: source.unknownKidRefetchMs ?? DEFAULTS.unknownKidRefetchMs,
      timeoutMs: source.timeoutMs ?? DEFAULTS.timeoutMs,
    };
  }

  current(kid: string): KeyObject | undefined {
    return this.keys.get(kid);
  }

  async lookup(kid: string): Promise<KeyObject> {
    this.startSchedule();
    const known = this.keys.get(kid);
    if (known) return known;
    const mayFetch = this.now() - this.lastAttemptAt >= this.timing.unknownKidRefetchMs;
    if (!this.misses.has(kid) && (this.inFlight || mayFetch)) {
      const fetched = await this.refresh();
      const key = this.keys.get(kid);
      if (key) return key;
      if (fetched) this.rememberMiss(kid);
    }
    if (!this.fetchedOnce)
      throw new KeysUnavailable(
        `No signing keys could be fetched from ${this.source.jwksUri} yet.`,
      );
    throw new InvalidToken('The token was signed with an unknown key.');
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** One fetch at a time; resolves whether it brought a usable key set. */
  private refresh(): Promise<boolean> {
    this.inFlight ??= this.fetchKeys().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private startSchedule() {
    // Started by the first token, so a verifier that is never used never fetches.
    this.timer ??= setInterval(() => void this.refresh(), this.timing.refreshMs).unref();
  }

  private async fetchKeys(): Promise<boolean> {
    this.lastAttemptAt = this.now();
    let body: unknown;
    try {
      const res = await fetch(this.source.jwksUri, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timing.timeoutMs),
      });
      if (!res.ok) return false;
      body = await res.json();
    } catch {
      return false; // unreachable, timed out, or not JSON: keep the last good set
    }
    const next = usableKeys(body, this.keys);
    // An empty set is a broken answer, never how keys are withdrawn: identity always has one.
    if (next.size === 0) return false;
    if (!sameKeys(next, this.keys)) this.misses.clear();
    this.keys = next;
    this.fetchedOnce = true;
    return true;
  }

  private rememberMiss(kid: string) {
    if (this.misses.size >= MAX_MISSES) this.misses.clear(); // only saves fetches: safe to forget
    this.misses.add(kid);
  }
}

/**
 * The RS256 signing keys of a JWKS body by kid; anything else in it is skipped. A key unchanged
 * since the last set keeps its KeyObject, so verifications remembered with it stay valid.
 */
function usableKeys(body: unknown, previous: Map<string, KeyObject>): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const listed = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(listed)) return keys;
  for (const jwk of listed as Record<string, unknown>[]) {
    if (typeof jwk?.kid !== 'string' || jwk.kty !== 'RSA') continue;
    if ((jwk.alg ?? 'RS256') !== 'RS256' || (jwk.use ?? 'sig') !== 'sig') continue;
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      continue;
    }
    const before = previous.get(jwk.kid);
    keys.set(jwk.kid, before?.equals(key) ? before : key);
  }
  return keys;
}

function sameKeys(a: Map<string, KeyObject>, b: Map<string, KeyObject>): boolean {
  return a.size === b.size && [...a].every(([kid, key]) => b.get(kid) === key);
}
