import { createHash } from 'node:crypto';
import { buildGateway, gatewayEnv } from '@hearth/gateway';
import { serve, type Running } from '@hearth/http';
import { mintToken, testActor, testKeys, testLogger } from '@hearth/testkit';
import {
  participantOf,
  samples,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

/** An upload larger than the gateway's ordinary body limit streams through it both ways. */
let service: Documents;
let gateway: Running;
const caseworker = testActor();

beforeAll(async () => {
  service = await startDocuments();
  const unused = 'http://127.0.0.1:1';
  const config = gatewayEnv.parse({
    PORT: '0',
    JWKS_URL: `${unused}/unused`,
    IDENTITY_URL: unused,
    DOCUMENTS_URL: service.url,
    BODY_LIMIT: '1mb',
  });
  const logger = testLogger('gateway');
  gateway = await serve(buildGateway(config, { logger, keys: testKeys }).app, { port: 0, logger });
});
afterAll(async () => {
  await gateway?.close();
  await service?.close();
});

test('a 3 MB PDF uploads through the gateway and downloads back byte for byte', async () => {
  const participantId = await participantOf(service, caseworker);
  const bytes = Buffer.concat([samples.pdf, Buffer.alloc(3 * 1024 * 1024, 9)]);
  const through = { ...service, url: gateway.url } as Documents;
  const answer = await upload(through, caseworker, participantId, {
    files: [{ fileName: 'lease.pdf', type: 'application/pdf', bytes }],
  });
  expect(answer.status).toBe(201);
  expect(answer.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  const res = await fetch(`${gateway.url}/api/v1/documents/${answer.body.id}/content`, {
    headers: { authorization: `Bearer ${mintToken(caseworker)}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
});
