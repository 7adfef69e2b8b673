import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { mintToken, testActor, waitFor } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import {
  confidentialFields,
  participantOf,
  samples,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

let service: Documents;
const lakeshore = testActor();
const northside = testActor(); // holds an active release for the shared participant
const elsewhere = testActor(); // sees the participant (share_global) but holds no release
const lapsed = testActor(); // its release ended yesterday
let shared: string;
let restricted: string;
let confidential: string;
let publicDoc: string;

const get = (actor: Actor, path: string) =>
  fetch(`${service.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });

beforeAll(async () => {
  service = await startDocuments();
  shared = await participantOf(service, lakeshore, 'share_global', [
    { toOrgId: northside.orgId, beginDate: '2026-01-01', endDate: '2027-12-31' },
    { toOrgId: lapsed.orgId, beginDate: '2026-01-01', endDate: '2026-11-30' },
  ]);
  restricted = await participantOf(service, lakeshore, 'restrict_to_org', [
    { toOrgId: northside.orgId, beginDate: '2026-01-01', endDate: '2027-12-31' },
  ]);
  confidential = (await upload(service, lakeshore, shared, {})).body.id;
  publicDoc = (
    await upload(service, lakeshore, shared, {
      fields: { ...confidentialFields, confidentiality: 'public', publicConfirmed: 'true' },
      files: [
        { fileName: 'Ωmega plan; 2026 (v2).pdf', type: 'application/pdf', bytes: samples.pdf },
      ],
    })
  ).body.id;
});
afterAll(() => service?.close());

const listed = async (actor: Actor, participantId: string) => {
  const res = await get(actor, `/documents?participantId=${participantId}`);
  return res.status === 200
    ? ((await res.json()) as { items: Array<{ id: string }> }).items.map((d) => d.id)
    : res.status;
};

test('the uploading organization lists both documents, newest first', async () => {
  expect(await listed(lakeshore, shared)).toEqual([publicDoc, confidential]);
});

test('an organization with an active release sees the confidential document too', async () => {
  expect(await listed(northside, shared)).toEqual([publicDoc, confidential]);
});

test('an organization that may see the participant but holds no release sees only the public one', async () => {
  expect(await listed(elsewhere, shared)).toEqual([publicDoc]);
  expect(await listed(lapsed, shared)).toEqual([publicDoc]); // a release that ended yesterday
});

test('a restricted participant is 404 for another organization, release or not', async () => {
  expect(await listed(elsewhere, restricted)).toBe(404);
  expect(await listed(northside, restricted)).toBe(404);
});

test('a download streams the bytes with their type, a safe file name and nosniff', async () => {
  const res = await get(northside, `/documents/${publicDoc}/content`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-disposition')).toBe(
    `attachment; filename="_mega plan_ 2026 (v2).pdf"; filename*=UTF-8''%CE%A9mega%20plan%3B%202026%20%28v2%29.pdf`,
  );
  expect(Buffer.from(await res.arrayBuffer())).toEqual(samples.pdf);
});

test('a confidential document is 404 to an organization without a release, and the denial is audited', async () => {
  const res = await get(elsewhere, `/documents/${confidential}/content`);
  expect(res.status).toBe(404);
  await waitFor(
    async () =>
      (
        await service.pool.query(
          'SELECT reason FROM access_denials WHERE org_id = $1 AND participant_id = $2',
          [elsewhere.orgId, shared],
        )
      ).rows[0]?.reason === 'no_release',
    5000,
    'the denial to be audited',
  );
});

test('a zip holds every document asked for, and one invisible id refuses the whole zip', async () => {
  const zip = await get(northside, `/documents/archive?ids=${confidential},${publicDoc}`);
  expect(zip.status).toBe(200);
  expect(zip.headers.get('content-type')).toBe('application/zip');
  const bytes = Buffer.from(await zip.arrayBuffer());
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  expect(bytes.includes(samples.jpeg)).toBe(true); // stored, not deflated
  expect(bytes.includes(samples.pdf)).toBe(true);
  expect(bytes.includes(Buffer.from('passport.jpg'))).toBe(true);
  const refused = await get(elsewhere, `/documents/archive?ids=${publicDoc},${confidential}`);
  expect(refused.status).toBe(404);
  expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect((await get(lakeshore, `/documents/archive?ids=${randomUUID()}`)).status).toBe(404);
  expect((await get(lakeshore, `/documents/archive?ids=${publicDoc},${publicDoc}`)).status).toBe(
    400,
  );
});

test('only the uploading organization deletes; a deleted document is gone from list and download', async () => {
  const del = (actor: Actor, id: string) =>
    fetch(`${service.url}/api/v1/documents/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${mintToken(actor)}` },
    });
  const doomed = (await upload(service, lakeshore, shared, {})).body.id;
  expect((await del(northside, doomed)).status).toBe(404); // may read it, never remove it
  await waitFor(
    async () =>
      (
        await service.pool.query(
          "SELECT reason FROM access_denials WHERE org_id = $1 AND action = 'delete_document'",
          [northside.orgId],
        )
      ).rows[0]?.reason === 'other_org_record',
    5000,
    'the refused delete to be audited',
  );
  expect((await del(lakeshore, doomed)).status).toBe(204);
  expect(await listed(lakeshore, shared)).not.toContain(doomed);
  expect((await get(lakeshore, `/documents/${doomed}/content`)).status).toBe(404);
  expect((await del(lakeshore, doomed)).status).toBe(404);
  const kept = await service.db.collection('documents').findOne({ _id: doomed as never });
  expect(kept).toMatchObject({
    deletedBy: lakeshore.userId,
    deletedAt: new Date('2026-12-01T15:00:00Z'),
  });
});

test('uploads and deletions are published with their facts, never the file name', async () => {
  const connection = await connect(process.env.AMQP_URL!);
  const channel = await connection.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, service.exchange, 'documents.document.*');
  const seen: Array<{ type: string; data: Record<string, unknown> }> = [];
  await channel.consume(queue, (m) => m && seen.push(JSON.parse(m.content.toString())), {
    noAck: true,
  });
  const id = (await upload(service, lakeshore, shared, {})).body.id;
  await fetch(`${service.url}/api/v1/documents/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${mintToken(lakeshore)}` },
  });
  await waitFor(
    async () => seen.filter((e) => e.data.documentId === id).length === 2,
    10_000,
    'both events',
  );
  // uploaded before any queue was bound: refused as unroutable, retried after a back-off, delivered
  await waitFor(
    async () => seen.some((e) => e.data.documentId === confidential),
    10_000,
    'the refused event to be retried',
  );
  const facts = {
    documentId: id,
    participantId: shared,
    orgId: lakeshore.orgId,
    category: 'identity',
    documentType: 'passport',
    documentDate: '2026-11-30',
    confidentiality: 'confidential',
  };
  expect(seen.filter((e) => e.data.documentId === id)).toEqual([
    expect.objectContaining({ type: 'documents.document.uploaded', data: facts }),
    expect.objectContaining({ type: 'documents.document.deleted', data: facts }),
  ]);
  await waitFor(
    async () =>
      (await service.db.collection('documents').findOne({ _id: id }))!.pendingEvents.length === 0,
    5000,
    'the published events to leave the document',
  );
  await channel.close();
  await connection.close();
});
