import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actorOf, authenticate, tokenVerifier, type TokenVerifier } from '@hearth/auth';
import { createApp } from '@hearth/http';
import { testLogger, testTokenSettings } from '@hearth/testkit';
import { jwksEndpoint, signingKey, tokenSignedWith } from './jwks-endpoint';

let endpoint: Awaited<ReturnType<typeof jwksEndpoint>>;
let verify: TokenVerifier;
let server: Server;
let baseUrl: string;
const key = signingKey();

beforeEach(async () => {
  endpoint = await jwksEndpoint([key]);
  verify = tokenVerifier({ ...testTokenSettings, keys: { jwksUri: endpoint.jwksUri } });
  const app = createApp({
    service: 'auth-test',
    logger: testLogger('auth'),
    authenticate: authenticate(verify),
    routes: ({ router }) => void router.get('/me', (req, res) => res.json(actorOf(req))),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterEach(async () => {
  verify.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await endpoint.close();
});

const me = (token: string) =>
  fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${token}` } });

describe('authenticating requests against a JWKS', () => {
  it('when no key set could be fetched yet, a request is answered 503 problem+json', async () => {
    endpoint.answer('status_503');
    const res = await me(tokenSignedWith(key));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('when a token names a kid the JWKS lacks, the request is answered 401 invalid_token', async () => {
    const res = await me(tokenSignedWith({ ...key, kid: randomUUID() }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect((await me(tokenSignedWith(key))).status).toBe(200);
  });
});
