import { bodyOf, mintToken, testActor } from '@hearth/testkit';
import { fakeUpstream, startGateway } from './harness';

/** The document upload alone may carry a large body; it streams through to the documents service. */
const actor = testActor();
let documents: Awaited<ReturnType<typeof fakeUpstream>>;
let intake: Awaited<ReturnType<typeof fakeUpstream>>;
let rentAssistance: Awaited<ReturnType<typeof fakeUpstream>>;
let reporting: Awaited<ReturnType<typeof fakeUpstream>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  documents = await fakeUpstream('documents');
  intake = await fakeUpstream('intake');
  rentAssistance = await fakeUpstream('rent-assistance');
  reporting = await fakeUpstream('reporting');
  const unused = 'http://127.0.0.1:1';
  gateway = await startGateway(
    { identity: unused, intake: intake.url, enrollment: unused },
    {
      BODY_LIMIT: '64kb',
      UPLOAD_BODY_LIMIT: '512kb',
      PAYMENT_BATCH_BODY_LIMIT: '256kb',
      HMIS_IMPORT_BODY_LIMIT: '1mb',
      REPORTING_URL: reporting.url,
      DOCUMENTS_URL: documents.url,
      RENT_ASSISTANCE_URL: rentAssistance.url,
    },
  );
});
afterAll(async () => {
  await gateway.close();
  await documents.close();
  await intake.close();
  await rentAssistance.close();
  await reporting.close();
});

const post = (path: string, bytes: number, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}/api/v1${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${mintToken(actor)}`,
      'content-type': 'multipart/form-data; boundary=x',
      ...headers,
    },
    body: 'x'.repeat(bytes),
  });

test('an upload of 200 kB reaches the documents service whole, over the 64 kB limit of other routes', async () => {
  const res = await post(
    '/documents?participantId=00000000-0000-4000-8000-000000000000',
    200 * 1024,
  );
  expect(res.status).toBe(200);
  expect(documents.seen.at(-1)!.body).toHaveLength(200 * 1024);
});

test('the same body to another route is 413 at the gateway', async () => {
  const before = intake.seen.length;
  const res = await post('/participants', 200 * 1024);
  expect(res.status).toBe(413);
  expect((await bodyOf(res)).detail).toContain('65536 bytes');
  expect(intake.seen).toHaveLength(before);
});

test('an upload over its own limit is 413 before it reaches the service', async () => {
  const before = documents.seen.length;
  const res = await post('/documents', 600 * 1024);
  expect(res.status).toBe(413);
  expect((await bodyOf(res)).detail).toContain(`${512 * 1024} bytes`);
  expect(documents.seen).toHaveLength(before);
});

test('only POST /documents gets the larger limit, not a path under it', async () => {
  const res = await post('/documents/archive', 200 * 1024);
  expect(res.status).toBe(413);
});

test("the finance hub's payment batch has a limit of its own: over the common one, under its own", async () => {
  const batch = await post('/payments/batch', 200 * 1024, { 'content-type': 'application/json' });
  expect(batch.status).toBe(200);
  expect(rentAssistance.seen.at(-1)!.body).toHaveLength(200 * 1024);
  const before = rentAssistance.seen.length;
  const over = await post('/payments/batch', 300 * 1024, { 'content-type': 'application/json' });
  expect(over.status).toBe(413);
  expect((await bodyOf(over)).detail).toContain(`${256 * 1024} bytes`);
  // a single payment keeps the common limit
  expect((await post('/payments', 200 * 1024)).status).toBe(413);
  expect(rentAssistance.seen).toHaveLength(before);
});

test("an HMIS import's zip has a limit of its own: over the upload's, under its own", async () => {
  const zip = await post('/imports', 800 * 1024);
  expect(zip.status).toBe(200);
  expect(reporting.seen.at(-1)!.body).toHaveLength(800 * 1024);
  const before = reporting.seen.length;
  const over = await post('/imports', 1100 * 1024);
  expect(over.status).toBe(413);
  expect((await bodyOf(over)).detail).toContain(`${1024 * 1024} bytes`);
  // the export keeps the common limit
  expect((await post('/exports', 200 * 1024)).status).toBe(413);
  expect(reporting.seen).toHaveLength(before);
});
