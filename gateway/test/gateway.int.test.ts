import { bodyOf, mintToken, tamperedTokens, testActor } from '@hearth/testkit';
import { fakeUpstream, startGateway } from './harness';

/** The gateway against small real upstreams: routing, tokens, limits, breakers, documents. */
const actor = testActor();
let identity: Awaited<ReturnType<typeof fakeUpstream>>;
let intake: Awaited<ReturnType<typeof fakeUpstream>>;
let enrollment: Awaited<ReturnType<typeof fakeUpstream>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  [identity, intake, enrollment] = await Promise.all([
    fakeUpstream('identity'),
    fakeUpstream('intake'),
    fakeUpstream('enrollment'),
  ]);
  gateway = await startGateway({
    identity: identity.url,
    intake: intake.url,
    enrollment: enrollment.url,
  });
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([identity.close(), intake.close(), enrollment.close()]);
});
beforeEach(() => {
  for (const u of [identity, intake, enrollment]) u.set('ok');
});

const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
  const { token = mintToken(actor), ...rest } = init;
  return fetch(`${gateway.url}${path}`, {
    ...rest,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(rest.headers as object),
    },
  });
};

describe('gateway routing', () => {
  it('routes by resource to the owning service with path, query, token and request id intact', async () => {
    const token = mintToken(actor);
    const res = await call('/api/v1/participants/abc?lastName=smith&x=1', {
      token,
      headers: { 'x-request-id': 'req-42' },
    });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toEqual({
      upstream: 'intake',
      url: '/api/v1/participants/abc?lastName=smith&x=1',
    });
    const seen = intake.seen.at(-1)!;
    expect(seen.headers.authorization).toBe(`Bearer ${token}`); // services verify it again
    expect(seen.headers['x-request-id']).toBe('req-42');
    expect((await bodyOf(await call('/api/v1/enrollments?participantId=p'))).upstream).toBe(
      'enrollment',
    );
    expect((await bodyOf(await call('/api/v1/organizations'))).upstream).toBe('identity');
  });

  it('passes JSON and large bodies through untouched', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(500_000) });
    const res = await call('/api/v1/workflows/intake_assessment', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(intake.seen.at(-1)!.body).toBe(big);
  });

  it('lets login through without a token, and nothing else', async () => {
    const login = await call('/api/v1/auth/login', {
      method: 'POST',
      token: null,
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(login.status).toBe(200);
    expect(identity.seen.at(-1)!.url).toBe('/api/v1/auth/login');
    const before = intake.seen.length;
    const anonymous = await call('/api/v1/participants', { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect(intake.seen.length).toBe(before);
  });

  it.each(Object.keys(tamperedTokens(actor)))(
    'refuses a %s token with 401 and never logs it',
    async (kind) => {
      const token = tamperedTokens(actor)[kind as keyof ReturnType<typeof tamperedTokens>];
      const res = await call('/api/v1/participants', { token });
      expect(res.status).toBe(401);
      expect((await bodyOf(res)).title).toBe('Unauthorized');
      expect(gateway.logs.join('')).not.toContain(token.split('.')[1]);
    },
  );

  it('answers an unknown resource with 404 and an oversized body with 413 without calling upstream', async () => {
    expect((await call('/api/v1/unicorns')).status).toBe(404);
    const before = intake.seen.length;
    const huge = await call('/api/v1/participants', {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 10),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect(intake.seen.length).toBe(before);
  });

  it('never forwards identity headers a client made up', async () => {
    await call('/api/v1/participants', { headers: { 'x-actor-org': 'evil', 'x-user-id': 'root' } });
    const headers = intake.seen.at(-1)!.headers;
    expect(headers['x-actor-org']).toBeUndefined();
    expect(headers['x-user-id']).toBeUndefined();
  });

  it('serves the merged OpenAPI document, the reference page and health', async () => {
    const doc = await bodyOf(await call('/openapi.json', { token: null }));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/identity-thing',
        '/api/v1/intake-thing',
        '/api/v1/enrollment-thing',
      ]),
    );
    expect(doc['x-missing-upstreams']).toEqual([]);
    expect(await (await call('/docs/', { token: null })).text()).toContain('swagger');
    expect((await call('/healthz', { token: null })).status).toBe(200);
  });

  it("documents every status of the gateway's own /healthz and /readyz", async () => {
    const doc = await bodyOf(await call('/openapi.json', { token: null }));
    expect(Object.keys(doc.paths['/healthz'].get.responses)).toEqual(['200']);
    expect(Object.keys(doc.paths['/readyz'].get.responses)).toEqual(['200', '503']);
  });
});

describe('gateway resilience', () => {
  it('passes 4xx answers through without opening the breaker', async () => {
    enrollment.set('client_error');
    for (let i = 0; i < 8; i++) expect((await call('/api/v1/programs/x')).status).toBe(404);
    expect(gateway.breakers.get('enrollment')!.state).toBe('closed');
  });

  it("when one user's bad requests make an upstream answer 500, other users are still answered", async () => {
    const mallory = testActor();
    const burst = Array.from({ length: 12 }, () =>
      call('/api/v1/programs/provoke-500', { token: mintToken(mallory) }),
    );
    const others = Array.from({ length: 4 }, () => call('/api/v1/programs'));
    const answers = await Promise.all([...burst, ...others]);
    expect(answers.slice(0, 12).map((r) => r.status)).toEqual(Array(12).fill(500));
    expect(answers.slice(12).map((r) => r.status)).toEqual(Array(4).fill(200));
    expect((await call('/api/v1/programs')).status).toBe(200);
    expect(gateway.breakers.get('enrollment')!.state).toBe('closed');
  });

  it('answers 504 when an upstream is slower than its timeout', async () => {
    enrollment.set('slow');
    const res = await call('/api/v1/programs');
    expect(res.status).toBe(504);
    expect((await bodyOf(res)).title).toBe('Gateway Timeout');
    enrollment.set('ok');
    await new Promise((r) => setTimeout(r, 700)); // let the slow answer drain and the breaker settle
  });

  it('waits for the answer from when a slowly sent body has arrived, not from its first byte', async () => {
    // 10 pieces 250 ms apart: the upload takes 2.5 s, over the 1 s timeout, and the upstream
    // answers at once after it
    const patient = await startGateway(
      { identity: identity.url, intake: intake.url, enrollment: enrollment.url },
      { UPSTREAM_TIMEOUT_MS: '1000' },
    );
    try {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent === 10) return controller.close();
          await new Promise((r) => setTimeout(r, 250));
          controller.enqueue(new TextEncoder().encode(`piece ${sent++};`));
        },
      });
      const res = await fetch(`${patient.url}/api/v1/participants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mintToken(actor)}`, 'content-type': 'text/plain' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(200);
      expect(intake.seen.at(-1)!.body).toBe(
        Array.from({ length: 10 }, (_, i) => `piece ${i};`).join(''),
      );
    } finally {
      await patient.close();
    }
  });

  it('opens the breaker after repeated 503s from the upstream, answers 503 at once, then recovers by itself', async () => {
    intake.set('fail');
    for (let i = 0; i < 6; i++) await call('/api/v1/families');
    expect(gateway.breakers.get('intake')!.state).toBe('open');
    const hits = intake.seen.length;
    const open = await call('/api/v1/families');
    expect(open.status).toBe(503);
    expect(open.headers.get('retry-after')).toBe('1');
    expect(intake.seen.length).toBe(hits); // not called while open

    intake.set('ok');
    await new Promise((r) => setTimeout(r, 400)); // past BREAKER_RESET_MS: half-open
    expect((await call('/api/v1/programs')).status).toBe(200);
    expect(gateway.breakers.get('enrollment')!.state).toBe('closed');
  });
});

describe('gateway limits and dead upstreams', () => {
  it('limits requests per user with 429 and Retry-After, without affecting another user', async () => {
    const limited = await startGateway(
      { identity: identity.url, intake: intake.url, enrollment: enrollment.url },
      { RATE_LIMIT_PER_USER_PER_MINUTE: '3' },
    );
    const [me, other] = [testActor(), testActor()];
    const get = (a: typeof me) =>
      fetch(`${limited.url}/api/v1/participants`, {
        headers: { authorization: `Bearer ${mintToken(a)}` },
      });
    for (let i = 0; i < 3; i++) expect((await get(me)).status).toBe(200);
    const over = await get(me);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0); // the seconds left
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(over.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
    expect((await get(other)).status).toBe(200);
    await limited.close();
  });

  it('limits a flood without tokens per address before authentication', async () => {
    const limited = await startGateway(
      { identity: identity.url, intake: intake.url, enrollment: enrollment.url },
      { RATE_LIMIT_PER_IP_PER_MINUTE: '4' },
    );
    const anonymous = () => fetch(`${limited.url}/api/v1/participants`);
    for (let i = 0; i < 4; i++) expect((await anonymous()).status).toBe(401);
    const over = await anonymous();
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // the address is spent for everyone behind it, a valid token included
    const withToken = await fetch(`${limited.url}/api/v1/participants`, {
      headers: { authorization: `Bearer ${mintToken(testActor())}` },
    });
    expect(withToken.status).toBe(429);
    await limited.close();
  });

  it('answers 503 problem+json when an upstream is not running', async () => {
    const dead = await startGateway({
      identity: identity.url,
      intake: 'http://127.0.0.1:1',
      enrollment: enrollment.url,
    });
    const res = await fetch(`${dead.url}/api/v1/participants`, {
      headers: { authorization: `Bearer ${mintToken(actor)}` },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const doc = await bodyOf(await fetch(`${dead.url}/openapi.json`));
    expect(doc['x-missing-upstreams']).toEqual(['intake']);
    await dead.close();
  });
});
