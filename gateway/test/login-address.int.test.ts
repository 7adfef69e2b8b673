import { startIdentity, type Identity } from '../../services/identity/test/harness';
import { fakeUpstream, startGateway } from './harness';

/** The real identity behind the gateway, whose ingress (one trusted hop) names each client. */
let identity: Identity;
let others: Array<Awaited<ReturnType<typeof fakeUpstream>>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  identity = await startIdentity('gateway_login_address', { trustClientAddressHeader: true });
  others = await Promise.all(['intake', 'enrollment'].map((name) => fakeUpstream(name)));
  gateway = await startGateway(
    { identity: identity.url, intake: others[0].url, enrollment: others[1].url },
    { TRUSTED_PROXY_HOPS: '1', UPSTREAM_TIMEOUT_MS: '5000' },
  );
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all(others.map((u) => u.close()));
  await identity?.close();
});

const loginVia = (clientAddress: string, password: string) =>
  fetch(`${gateway.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
    body: JSON.stringify({ email: 'supervisor@lakeshore.example', password }),
  });

test("a stranger's wrong passwords slow only the stranger's address; the owner elsewhere logs in", async () => {
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await loginVia('203.0.113.40', `guess-${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  expect((await loginVia('198.51.100.41', 'demo-password-1')).status).toBe(200);
});
