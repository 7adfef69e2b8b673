import { applySharingState } from '@hearth/sharing';
import { startServiceForTest, testActor } from '@hearth/testkit';
import { documents } from '../src/app';
import { documentsEnv } from '../src/config';
import { upload, type Documents } from './support/documents';

/** MongoDB unreachable: answers say so (503), never 500, and the instance is not ready. */
let service: Awaited<ReturnType<typeof startServiceForTest>>;

beforeAll(async () => {
  service = await startServiceForTest(documents, documentsEnv, {
    env: { MONGO_URL: 'mongodb://127.0.0.1:1/nowhere' },
  });
});
afterAll(() => service?.close());

test('without MongoDB an upload is 503 and /readyz names mongo', async () => {
  const caseworker = testActor();
  const participantId = '6f1c1d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: caseworker.orgId,
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 1,
  });
  const answer = await upload(service as unknown as Documents, caseworker, participantId, {});
  expect(answer.status).toBe(503);
  const ready = await fetch(`${service.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { checks: Record<string, string> }).checks.mongo).not.toMatch(
    /^ok/,
  );
}, 20_000);
