import { waitFor } from '@hearth/testkit';
import { startIdentity, type Identity } from './harness';

/** Identity reaches Postgres through a proxy the test cuts, as if the database had stopped. */
let identity: Identity;
beforeAll(async () => {
  identity = await startIdentity('identity_ready', { viaProxy: true });
});
afterAll(() => identity?.close());

test('ready with its database; 503 while the database is gone; recovers by itself', async () => {
  expect((await identity.call('GET', '/healthz')).status).toBe(200);
  const ready = await identity.call('GET', '/readyz');
  expect(ready.status).toBe(200);
  expect(ready.body.checks).toEqual({ database: 'ok' });

  identity.proxy!.cut();
  const notReady = await identity.call('GET', '/readyz');
  expect(notReady.status).toBe(503);
  expect(notReady.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const login = await identity.login('caseworker@lakeshore.example');
  expect(login.status).toBe(503);
  expect(login.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect((await identity.call('GET', '/healthz')).status).toBe(200); // alive, just not ready

  identity.proxy!.restore();
  await waitFor(
    async () => (await identity.call('GET', '/readyz')).status === 200,
    10_000,
    'ready',
  );
  expect((await identity.login('caseworker@lakeshore.example')).status).toBe(200);
});
