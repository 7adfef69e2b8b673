import { createHash } from 'node:crypto';
import { mintToken, testActor } from '@hearth/testkit';
import {
  confidentialFields,
  participantOf,
  rawMultipart,
  samples,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

let service: Documents;
const caseworker = testActor();
let participantId: string;

beforeAll(async () => {
  service = await startDocuments({ DOCUMENTS_MAX_BYTES: String(64 * 1024) });
  participantId = await participantOf(service, caseworker);
});
afterAll(() => service?.close());

/** Runs an upload that must be refused and checks that GridFS holds what it held before. */
async function refused(u: Parameters<typeof upload>[3], status: number, field: string) {
  const before = await service.gridFs();
  const answer = await upload(service, caseworker, participantId, u);
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  expect(await service.gridFs()).toEqual(before);
  return answer;
}

test('a camera photo uploads with its metadata, its sniffed type, size and SHA-256', async () => {
  const answer = await upload(service, caseworker, participantId, {});
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({
    participantId,
    orgId: caseworker.orgId,
    uploadedBy: caseworker.userId,
    category: 'identity',
    documentType: 'passport',
    comment: 'Scanned at intake',
    confidentiality: 'confidential',
    fileName: 'passport.jpg',
    contentType: 'image/jpeg',
    size: samples.jpeg.length,
    sha256: createHash('sha256').update(samples.jpeg).digest('hex'),
    documentDate: '2026-11-30',
    createdAt: '2026-12-01T15:00:00.000Z',
  });
  const stored = await service.db.collection('documents').findOne({ _id: answer.body.id });
  expect(stored!.pendingEvents.map((e: { type: string }) => e.type)).toEqual([
    'documents.document.uploaded',
  ]);
});

test.each([
  ['a PDF', 'letter.pdf', 'application/pdf', samples.pdf, 'application/pdf'],
  ['a HEIC photo from a phone', 'IMG_0001.HEIC', 'image/heic', samples.heic, 'image/heic'],
  ['a file sent without a type', 'scan', '', samples.pdf, 'application/pdf'],
])('%s passes, typed from its bytes', async (_what, fileName, type, bytes, stored) => {
  const answer = await upload(service, caseworker, participantId, {
    files: [{ fileName, type, bytes }],
  });
  expect(answer.status).toBe(201);
  expect(answer.body.contentType).toBe(stored);
});

test('the categories list names each category with its document types', async () => {
  const res = await fetch(`${service.url}/api/v1/documents/categories`, {
    headers: { authorization: `Bearer ${mintToken(caseworker)}` },
  });
  const { items } = (await res.json()) as { items: Array<{ code: string; types: string[] }> };
  expect(items.map((c) => c.code)).toEqual([
    'identity',
    'income',
    'medical',
    'legal',
    'housing',
    'individual-plan',
    'signed-application',
    'prosperity-budget',
    'other',
  ]);
  expect(items.find((c) => c.code === 'individual-plan')!.types).toEqual(['career-plan']);
});

test('a public document without the confirmation is refused; with it, it is stored', async () => {
  const fields = { ...confidentialFields, confidentiality: 'public' };
  await refused({ fields }, 422, 'publicConfirmed');
  const confirmed = await upload(service, caseworker, participantId, {
    fields: { ...fields, publicConfirmed: 'true' },
  });
  expect(confirmed.status).toBe(201);
  expect(confirmed.body.confidentiality).toBe('public');
});

test('a document dated tomorrow is refused; today is accepted', async () => {
  await refused(
    { fields: { ...confidentialFields, documentDate: '2026-12-02' } },
    422,
    'documentDate',
  );
  const today = await upload(service, caseworker, participantId, {
    fields: { ...confidentialFields, documentDate: '2026-12-01' },
  });
  expect(today.status).toBe(201);
});

test('a document type of another category, or an unknown category, is refused', async () => {
  await refused(
    { fields: { ...confidentialFields, documentType: 'pay-stub' } },
    422,
    'documentType',
  );
  await refused({ fields: { ...confidentialFields, category: 'recipes' } }, 400, 'category');
});

test('a file larger than the configured limit is 413 and leaves no chunk behind', async () => {
  const big = Buffer.concat([samples.pdf, Buffer.alloc(64 * 1024)]);
  await refused(
    { files: [{ fileName: 'big.pdf', type: 'application/pdf', bytes: big }] },
    413,
    'file',
  );
  const exactly = Buffer.concat([samples.pdf, Buffer.alloc(64 * 1024 - samples.pdf.length)]);
  const atTheLimit = await upload(service, caseworker, participantId, {
    files: [{ fileName: 'limit.pdf', type: 'application/pdf', bytes: exactly }],
  });
  expect(atTheLimit.status).toBe(201);
  expect(atTheLimit.body.size).toBe(64 * 1024);
});

test.each([
  ['an empty file', 'empty.pdf', 'application/pdf', Buffer.alloc(0)],
  ['a Windows executable', 'setup.pdf', 'application/pdf', samples.exe],
  ['a Linux executable', 'tool', '', samples.elf],
  ['a shell script', 'notes.txt', 'text/plain', samples.script],
  ['an executable name', 'run.exe', '', samples.pdf],
  ['a JPEG declared whose bytes are a PDF', 'photo.jpg', 'image/jpeg', samples.pdf],
])('%s is refused and nothing is stored', async (_what, fileName, type, bytes) => {
  await refused({ files: [{ fileName, type, bytes }] }, 422, 'file');
});

test.each([
  ['a path in the name', '../../etc/passwd.pdf'],
  ['a Windows path in the name', 'C:\\Users\\scan.pdf'],
  ['a bidi override in the name', 'scan\u202efdp.exe'],
])('%s is refused naming the file part', async (_what, fileName) => {
  await refused(
    { files: [{ fileName, type: 'application/pdf', bytes: samples.pdf }] },
    400,
    'file',
  );
});

test('a control character in the file name is refused, raw or percent-encoded', async () => {
  const send = async (fileHeader: string) => {
    const { body, contentType } = rawMultipart(confidentialFields, fileHeader, samples.pdf);
    const res = await fetch(`${service.url}/api/v1/documents?participantId=${participantId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mintToken(caseworker)}`, 'content-type': contentType },
      body,
    });
    return { status: res.status, body: (await res.json()) as { errors: Array<{ field: string }> } };
  };
  const before = await service.gridFs();
  const encoded = await send("filename*=UTF-8''scan%07.pdf");
  expect(encoded.status).toBe(400);
  expect(encoded.body.errors.map((e) => e.field)).toEqual(['file']);
  const raw = await send('filename="scan\u0007.pdf"');
  expect(raw.status).toBe(400);
  expect(raw.body.errors.map((e) => e.field)).toEqual(['body']);
  expect(await service.gridFs()).toEqual(before);
});

test('an upload without a file part, or with two, is refused', async () => {
  await refused({ files: [] }, 400, 'file');
  const two = { fileName: 'a.pdf', type: 'application/pdf', bytes: samples.pdf };
  await refused({ files: [two, { ...two, fileName: 'b.pdf' }] }, 400, 'file');
});

test('a body that is not multipart is 415 naming the body', async () => {
  const res = await fetch(`${service.url}/api/v1/documents?participantId=${participantId}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${mintToken(caseworker)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ category: 'identity' }),
  });
  expect(res.status).toBe(415);
});

test('another organization cannot upload to a participant it may not see: 404, nothing read', async () => {
  const before = await service.gridFs();
  const answer = await upload(service, testActor(), participantId, {});
  expect(answer.status).toBe(404);
  expect(await service.gridFs()).toEqual(before);
});

test('the same Idempotency-Key answers the first upload again, and refuses another upload', async () => {
  const headers = { 'idempotency-key': 'upload-passport-1' };
  const first = await upload(service, caseworker, participantId, { headers });
  const before = await service.gridFs();
  const again = await upload(service, caseworker, participantId, { headers });
  expect(again.status).toBe(201);
  expect(again.body.id).toBe(first.body.id);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(await service.gridFs()).toEqual(before);
  await refused(
    { headers, files: [{ fileName: 'other.pdf', type: 'application/pdf', bytes: samples.pdf }] },
    422,
    'Idempotency-Key',
  );
});
