import { request, type IncomingMessage } from 'node:http';
import { bodyOf, mintToken, testActor } from '@hearth/testkit';
import { fakeUpstream, startGateway } from './harness';

/** What the gateway refuses or answers itself, before or instead of an upstream. */
const actor = testActor();
let intake: Awaited<ReturnType<typeof fakeUpstream>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  intake = await fakeUpstream('intake');
  // Only intake answers; identity and enrollment are never called here. Services is not deployed.
  const unused = 'http://127.0.0.1:1';
  gateway = await startGateway(
    { identity: unused, intake: intake.url, enrollment: unused },
    { BODY_LIMIT: '64kb' },
  );
});
afterAll(async () => {
  await gateway.close();
  await intake.close();
});

const authorization = () => ({ authorization: `Bearer ${mintToken(actor)}` });

/** A body sent in chunks without Content-Length, so only counting it as it streams can stop it. */
function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new TextEncoder().encode('x'.repeat(Math.min(16_384, totalBytes - sent)));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe('gateway edges', () => {
  it('refuses a chunked body over the limit with 413 while it streams, and keeps serving', async () => {
    const res = await fetch(`${gateway.url}/api/v1/participants`, {
      method: 'POST',
      headers: { ...authorization(), 'content-type': 'application/json' },
      body: chunked(200 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await bodyOf(res)).detail).toContain('65536 bytes');
    // The upstream never saw a whole body of that size.
    expect(intake.seen.every((s) => s.body.length < 200 * 1024)).toBe(true);
    const small = await fetch(`${gateway.url}/api/v1/participants`, {
      method: 'POST',
      headers: { ...authorization(), 'content-type': 'application/json' },
      body: chunked(1000),
      duplex: 'half',
    } as RequestInit);
    expect(small.status).toBe(200);
    expect(intake.seen.at(-1)!.body).toHaveLength(1000);
  });

  it('refuses dot segments in a path with 400, without calling the upstream', async () => {
    const before = intake.seen.length;
    // Sent raw: fetch and URL would resolve the dot segments before sending.
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      request({
        host: new URL(gateway.url).hostname,
        port: new URL(gateway.url).port,
        path: '/api/v1/participants/%2e%2e/admin',
        headers: authorization(),
      })
        .on('response', (answer) => resolve(answer.resume()))
        .on('error', reject)
        .end(),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(intake.seen.length).toBe(before);
  });

  it('answers 503 naming the service for a resource whose service is not deployed', async () => {
    const res = await fetch(`${gateway.url}/api/v1/case-notes`, { headers: authorization() });
    expect(res.status).toBe(503);
    expect((await bodyOf(res)).detail).toContain('services is not deployed');
  });

  it('reports each upstream breaker on /readyz without making the gateway unready', async () => {
    const res = await fetch(`${gateway.url}/readyz`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await bodyOf(res))).toContain('breaker closed');
  });
});
