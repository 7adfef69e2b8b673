import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidToken, KeysUnavailable, tokenVerifier, type TokenVerifier } from '@hearth/auth';
import { testActor, testTokenSettings, waitFor } from '@hearth/testkit';
import { jwksEndpoint, manualClock, signingKey, tokenSignedWith } from './jwks-endpoint';

const REFETCH_MS = 10_000; // the least time between fetches asked for by unknown kids
const HOURLY = 3_600_000; // a scheduled refresh that never comes during a test
const SOON = 50; // a scheduled refresh that comes several times during a test

/** What an anonymous caller can send: any kid, no valid signature, no login needed. */
function tokenNamingKid(kid: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ sub: randomUUID() })}.c2lnbmF0dXJl`;
}

let endpoint: Awaited<ReturnType<typeof jwksEndpoint>>;
let verify: TokenVerifier;
let clock: ReturnType<typeof manualClock>;
const key = signingKey();

function verifierFor(refreshMs: number, clockToleranceSeconds?: number): TokenVerifier {
  verify = tokenVerifier({
    ...testTokenSettings,
    keys: { jwksUri: endpoint.jwksUri, refreshMs, unknownKidRefetchMs: REFETCH_MS },
    now: () => clock.now(),
    clockToleranceSeconds,
  });
  return verify;
}

beforeEach(async () => {
  clock = manualClock();
  endpoint = await jwksEndpoint([key]);
});
afterEach(async () => {
  verify?.close();
  await endpoint.close();
});

describe('finding the key a token names', () => {
  it('when 1000 tokens name random kids at one moment, the JWKS is fetched once and each is refused as signed with an unknown key', async () => {
    const verify = verifierFor(HOURLY);
    for (let i = 0; i < 1000; i++)
      await expect(verify(tokenNamingKid(randomUUID()))).rejects.toThrow(InvalidToken);
    await expect(verify(tokenSignedWith(key))).resolves.toMatchObject({ roles: ['caseworker'] });
    expect(endpoint.fetches()).toBe(1);
  });

  it('when 1000 tokens arrive together before any key set was fetched, they share one fetch', async () => {
    const verify = verifierFor(HOURLY);
    const kids = [key.kid, ...Array.from({ length: 999 }, () => randomUUID())];
    const answers = await Promise.allSettled(kids.map((kid) => verify(tokenNamingKid(kid))));
    expect(answers.every((a) => a.status === 'rejected' && a.reason instanceof InvalidToken)).toBe(
      true,
    );
    expect(endpoint.fetches()).toBe(1);
  });

  it('when random kids keep coming for 1000 s, the JWKS is fetched once per 10 s and valid tokens keep verifying', async () => {
    const verify = verifierFor(HOURLY);
    for (let second = 0; second < 1000; second++) {
      await expect(verify(tokenNamingKid(randomUUID()))).rejects.toThrow(InvalidToken);
      if (second % 100 === 99)
        await expect(verify(tokenSignedWith(key, testActor(), 3600))).resolves.toBeDefined();
      clock.advance(1000);
    }
    // fetched at 0 s, 10 s, 20 s, ..., 990 s
    expect(endpoint.fetches()).toBe(100);
  });

  it('a kid found missing from the JWKS is not looked for again until the key set changes', async () => {
    const verify = verifierFor(HOURLY);
    const kid = randomUUID();
    for (let i = 0; i < 5; i++) {
      await expect(verify(tokenNamingKid(kid))).rejects.toThrow(/unknown key/);
      clock.advance(REFETCH_MS);
    }
    expect(endpoint.fetches()).toBe(1);
    await expect(verify(tokenNamingKid(randomUUID()))).rejects.toThrow(InvalidToken);
    expect(endpoint.fetches()).toBe(2);
  });

  it('a key added to the JWKS is picked up by the scheduled refresh, without a fetch for its kid', async () => {
    const verify = verifierFor(SOON);
    await verify(tokenSignedWith(key));
    const added = signingKey();
    endpoint.publish([key, added]);
    const seen = endpoint.fetches();
    await waitFor(() => endpoint.fetches() > seen + 1, 5000, 'two scheduled refreshes');
    const fetches = endpoint.fetches();
    await expect(verify(tokenSignedWith(added))).resolves.toBeDefined();
    expect(endpoint.fetches()).toBeLessThanOrEqual(fetches + 1); // at most a scheduled one meanwhile
  });
});

describe('when identity cannot answer', () => {
  it.each(['status_503', 'not_json', 'dropped_connection'] as const)(
    'after keys were fetched and the JWKS answers %s, valid tokens still verify across refreshes',
    async (failure) => {
      const verify = verifierFor(SOON);
      await verify(tokenSignedWith(key));
      endpoint.answer(failure);
      const seen = endpoint.fetches();
      await waitFor(() => endpoint.fetches() >= seen + 3, 5000, 'three failed refreshes');
      clock.advance(REFETCH_MS);
      await expect(verify(tokenSignedWith(key))).resolves.toBeDefined();
      await expect(verify(tokenNamingKid(randomUUID()))).rejects.toThrow(InvalidToken);
    },
  );

  it('before any key set was fetched, tokens get KeysUnavailable and the JWKS is asked once per 10 s', async () => {
    const verify = verifierFor(HOURLY);
    endpoint.answer('status_503');
    for (let i = 0; i < 100; i++)
      await expect(verify(tokenSignedWith(key))).rejects.toThrow(KeysUnavailable);
    expect(endpoint.fetches()).toBe(1);
    endpoint.answer('keys');
    clock.advance(REFETCH_MS);
    await expect(verify(tokenSignedWith(key))).resolves.toBeDefined();
    expect(endpoint.fetches()).toBe(2);
  });
});

describe('remembered verifications', () => {
  async function refreshedAfterPublishing(keys: ReturnType<typeof signingKey>[]) {
    endpoint.publish(keys);
    const seen = endpoint.fetches();
    // the second fetch after publishing starts only once the first has been applied
    await waitFor(() => endpoint.fetches() > seen + 1, 5000, 'a refresh after publishing');
  }

  it("when a kid leaves the JWKS, its tokens stop verifying, remembered ones included, and other kids' still verify", async () => {
    const verify = verifierFor(SOON);
    const other = signingKey();
    endpoint.publish([key, other]);
    const [leaving, staying] = [tokenSignedWith(key), tokenSignedWith(other)];
    await expect(verify(leaving)).resolves.toBeDefined();
    await expect(verify(staying)).resolves.toBeDefined();
    await refreshedAfterPublishing([other]);
    await expect(verify(leaving)).rejects.toThrow(/unknown key/);
    await expect(verify(staying)).resolves.toBeDefined();
  });

  it('when a kid is published with another key, tokens signed with the old key stop verifying, remembered ones included', async () => {
    const verify = verifierFor(SOON);
    const old = tokenSignedWith(key);
    await expect(verify(old)).resolves.toBeDefined();
    const replacement = signingKey(key.kid);
    await refreshedAfterPublishing([replacement]);
    await expect(verify(old)).rejects.toThrow(InvalidToken);
    await expect(verify(tokenSignedWith(replacement))).resolves.toBeDefined();
  });

  it("a remembered verification is not used once the token's exp has come", async () => {
    const verify = verifierFor(HOURLY, 0);
    const token = tokenSignedWith(key, testActor(), 60);
    const exp = (jwt.decode(token) as { exp: number }).exp * 1000;
    await expect(verify(token)).resolves.toBeDefined();
    clock.advance(exp - 1 - clock.now());
    await expect(verify(token)).resolves.toBeDefined();
    clock.advance(1);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });
});
