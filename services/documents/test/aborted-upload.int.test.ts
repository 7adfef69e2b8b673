import { request } from 'node:http';
import { mintToken, testActor, waitFor } from '@hearth/testkit';
import {
  confidentialFields,
  participantOf,
  rawMultipart,
  samples,
  startDocuments,
  type Documents,
} from './support/documents';

let service: Documents;
const caseworker = testActor();

beforeAll(async () => {
  service = await startDocuments(); // the default 25 MB limit
});
afterAll(() => service?.close());

test('an upload the client abandons half-way leaves no chunk and no document behind', async () => {
  const participantId = await participantOf(service, caseworker);
  // a 6 MB PDF cut after 3 MB: GridFS has written several 255 kB chunks when the client goes away
  const bytes = Buffer.concat([samples.pdf, Buffer.alloc(6 * 1024 * 1024, 7)]);
  const { body, contentType } = rawMultipart(confidentialFields, 'filename="big.pdf"', bytes);
  const { port } = new URL(service.url);
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/api/v1/documents?participantId=${participantId}`,
    headers: {
      authorization: `Bearer ${mintToken(caseworker)}`,
      'content-type': contentType,
      'content-length': body.length,
    },
  });
  req.on('error', () => undefined); // we cut it ourselves
  req.write(body.subarray(0, 3 * 1024 * 1024));
  await waitFor(
    async () => (await service.gridFs()).chunks > 2,
    10_000,
    'chunks of the upload to be written',
  );
  req.destroy();
  await waitFor(
    async () => {
      const { chunks, files } = await service.gridFs();
      return chunks === 0 && files === 0;
    },
    10_000,
    'the abandoned upload to be removed',
  );
  expect(await service.db.collection('documents').countDocuments()).toBe(0);
});
