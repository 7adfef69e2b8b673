import type { KeyObject } from 'node:crypto';
import type { Actor } from './actor';

export interface Verified {
  actor: Actor;
  /** The key that checked the signature, under the kid the token names. */
  kid: string;
  key: KeyObject;
  /** The token's exp claim, in seconds. */
  exp: number;
}

interface Remembered {
  actor: Actor;
  kid: string;
  key: KeyObject;
  until: number;
}

/**
 * Tokens verified before, so a repeated token skips the signature check. A token string always
 * carries the same claims, so its verification holds until its exp; maxAge bounds it further, and
 * it is forgotten as soon as its kid no longer names the key that verified it (the key left the
 * JWKS or was replaced). Bounded: when full, the oldest is dropped.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Remembered>();

  constructor(
    private readonly options: {
      maxEntries: number;
      maxAgeMs: number;
      currentKey: (kid: string) => KeyObject | undefined;
    },
  ) {}

  /** The actor of a token verified before, while that verification still holds at `now` (ms). */
  recall(token: string, now: number): Actor | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (now < hit.until && this.options.currentKey(hit.kid) === hit.key) return hit.actor;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, verified: Verified, now: number): void {
    // Never past exp: a token inside the clock tolerance is checked afresh each time.
    const until = Math.min(verified.exp * 1000, now + this.options.maxAgeMs);
    if (until <= now) return;
    if (this.entries.size >= this.options.maxEntries && !this.entries.has(token))
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { actor: verified.actor, kid: verified.kid, key: verified.key, until });
  }
}
