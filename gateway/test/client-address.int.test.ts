import { fakeUpstream, startGateway } from './harness';

/** What identity is told about a login's address, for its throttle (TRUSTED_PROXY_HOPS). */
let identity: Awaited<ReturnType<typeof fakeUpstream>>;
let others: Array<Awaited<ReturnType<typeof fakeUpstream>>>;
beforeAll(async () => {
  [identity, ...others] = await Promise.all(
    ['identity', 'intake', 'enrollment'].map((name) => fakeUpstream(name)),
  );
});
afterAll(() => Promise.all([identity, ...others].map((u) => u.close())));

/** Logs in through a gateway with the given hops, sending headers a client could make up. */
async function addressIdentityIsTold(hops: string, headers: Record<string, string>) {
  const gateway = await startGateway(
    { identity: identity.url, intake: others[0].url, enrollment: others[1].url },
    { TRUSTED_PROXY_HOPS: hops },
  );
  try {
    await fetch(`${gateway.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'a@b.example', password: 'p' }),
    });
    return identity.seen.at(-1)!.headers['x-client-address'];
  } finally {
    await gateway.close();
  }
}

test("with no trusted proxy hops, identity is told the connection's address, not the client's headers", async () => {
  const told = await addressIdentityIsTold('0', {
    'x-forwarded-for': '203.0.113.5',
    'x-client-address': '198.51.100.1',
  });
  expect(told).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
});

test('with one trusted hop, identity is told the address that proxy saw, not what the client added before it', async () => {
  const told = await addressIdentityIsTold('1', {
    'x-forwarded-for': '198.51.100.99, 203.0.113.5',
    'x-client-address': '198.51.100.1',
  });
  expect(told).toBe('203.0.113.5');
});
