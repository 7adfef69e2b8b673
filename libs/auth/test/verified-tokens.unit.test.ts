import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { VerifiedTokens } from '../src/verified-tokens';
import { testActor } from '@hearth/testkit';

const publicKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const MAX_AGE_MS = 5 * 60_000;

function cacheWith(keys: Map<string, KeyObject>, maxEntries = 100) {
  return new VerifiedTokens({
    maxEntries,
    maxAgeMs: MAX_AGE_MS,
    currentKey: (kid) => keys.get(kid),
  });
}

describe('remembering verified tokens', () => {
  const key = publicKey();
  const keys = new Map([['k1', key]]);
  const actor = testActor();
  const verified = (expSeconds: number) => ({ actor, kid: 'k1', key, exp: expSeconds });

  it("recalls a verification until the token's exp, and not at exp", () => {
    const cache = cacheWith(keys);
    cache.remember('t', verified(T0 / 1000 + 60), T0); // exp one minute after T0
    expect(cache.recall('t', T0 + 59_999)).toEqual(actor);
    expect(cache.recall('t', T0 + 60_000)).toBeUndefined();
  });

  it('forgets a verification after maxAge while the token is still unexpired', () => {
    const cache = cacheWith(keys);
    cache.remember('t', verified(T0 / 1000 + 900), T0); // a 15-minute token, maxAge 5 minutes
    expect(cache.recall('t', T0 + MAX_AGE_MS - 1)).toEqual(actor);
    expect(cache.recall('t', T0 + MAX_AGE_MS)).toBeUndefined();
  });

  it('does not remember a token whose exp has already come (accepted within the clock tolerance)', () => {
    const cache = cacheWith(keys);
    cache.remember('t', verified(T0 / 1000 - 10), T0);
    expect(cache.recall('t', T0)).toBeUndefined();
  });

  it('forgets a verification once its kid names another key or none', () => {
    const current = new Map(keys);
    const cache = cacheWith(current);
    cache.remember('t', verified(T0 / 1000 + 900), T0);
    current.set('k1', publicKey());
    expect(cache.recall('t', T0 + 1)).toBeUndefined();
    current.set('k1', key); // forgotten for good, not hidden while the key is away
    expect(cache.recall('t', T0 + 2)).toBeUndefined();
    cache.remember('u', verified(T0 / 1000 + 900), T0);
    current.delete('k1');
    expect(cache.recall('u', T0 + 1)).toBeUndefined();
  });

  it('when full, drops the oldest verification to make room', () => {
    const cache = cacheWith(keys, 2);
    for (const token of ['a', 'b', 'c']) cache.remember(token, verified(T0 / 1000 + 900), T0);
    expect(cache.recall('a', T0)).toBeUndefined();
    expect(cache.recall('b', T0)).toEqual(actor);
    expect(cache.recall('c', T0)).toEqual(actor);
  });
});
