import { mintToken, recordingLogger, testActor, waitFor } from '@hearth/testkit';
import {
  confidentialFields,
  participantOf,
  samples,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

const recorded = recordingLogger('documents');
let service: Documents;
const worker = testActor();

beforeAll(async () => {
  service = await startDocuments({}, undefined, recorded.logger);
});
afterAll(() => service?.close());

const bigPdf = Buffer.concat([samples.pdf, Buffer.alloc(4 * 1024 * 1024, 0x20)]);

test('a reader that goes away midway through a zip costs a log line, and the service goes on answering', async () => {
  const participantId = await participantOf(service, worker, 'restrict_to_org', []);
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const answer = await upload(service, worker, participantId, {
      fields: confidentialFields,
      files: [{ fileName: `plan-${n}.pdf`, type: 'application/pdf', bytes: bigPdf }],
    });
    expect(answer.status).toBe(201);
    ids.push(answer.body.id);
  }
  const auth = { authorization: `Bearer ${mintToken(worker)}` };
  const zip = await fetch(`${service.url}/api/v1/documents/archive?ids=${ids.join(',')}`, {
    headers: auth,
  });
  expect(zip.status).toBe(200);
  const reader = zip.body!.getReader();
  await reader.read(); // the first bytes, then the reader leaves
  await reader.cancel();
  await waitFor(
    () => recorded.lines.some((l) => l.includes('a zip was not delivered whole')),
    10_000,
    'the cut zip logged',
  );
  expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  const whole = await fetch(`${service.url}/api/v1/documents/archive?ids=${ids[0]}`, {
    headers: auth,
  });
  expect(whole.status).toBe(200);
  expect((await whole.arrayBuffer()).byteLength).toBeGreaterThan(4 * 1024 * 1024);
});
