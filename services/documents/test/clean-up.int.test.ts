import { ObjectId } from 'mongodb';
import { mintToken, testActor } from '@hearth/testkit';
import { depsOf } from '../src/deps';
import { purgeDeletedContent, sweepOrphanContent } from '../src/use-cases/clean-up-content';
import { NOW, participantOf, startDocuments, upload, type Documents } from './support/documents';

let service: Documents;
const caseworker = testActor();

beforeAll(async () => {
  service = await startDocuments({ DOCUMENTS_RETENTION_DAYS: '30' });
});
afterAll(() => service?.close());

const minutesBefore = (minutes: number) =>
  ObjectId.createFromTime(Math.floor((NOW.getTime() - minutes * 60_000) / 1000));

/** Content written as an upload writes it, begun `minutes` before now, with or without its files entry. */
async function orphan(minutes: number, finished: boolean) {
  const id = minutesBefore(minutes);
  const db = service.db;
  await db.collection('content.chunks').insertOne({ files_id: id, n: 0, data: Buffer.from('x') });
  if (finished)
    await db.collection('content.files').insertOne({
      _id: id,
      length: 1,
      chunkSize: 261120,
      uploadDate: new Date(id.getTimestamp()),
      filename: 'upload',
    });
  return id;
}

test('content without metadata is swept once older than an hour; younger uploads and named content stay', async () => {
  // content two hours old that a metadata document names stays, however old
  const named = await orphan(120, true);
  await service.db.collection('documents').insertOne({ _id: 'named' as never, contentId: named });
  const stale = await orphan(61, true);
  const crashed = await orphan(90, false); // chunks only: the upload never finished
  const streaming = await orphan(59, false); // still arriving
  expect(await sweepOrphanContent(depsOf(service.service.ctx))).toBe(2);
  const left = await service.db.collection('content.chunks').distinct('files_id');
  expect(left.map(String).sort()).toEqual([String(named), String(streaming)].sort());
  expect(left.map(String)).not.toContain(String(stale));
  expect(left.map(String)).not.toContain(String(crashed));
  expect(await service.db.collection('content.files').countDocuments({ _id: stale })).toBe(0);
});

test("a deleted document's content is purged after the retention, its metadata kept", async () => {
  const participantId = await participantOf(service, caseworker);
  const { body } = await upload(service, caseworker, participantId, {});
  await fetch(`${service.url}/api/v1/documents/${body.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${mintToken(caseworker)}` },
  });
  const documents = service.db.collection<{ _id: string; contentId: ObjectId }>('documents');
  const { contentId } = (await documents.findOne({ _id: body.id }))!;
  const deps = depsOf(service.service.ctx);
  // deleted exactly 30 days minus a minute ago: kept
  await documents.updateOne(
    { _id: body.id },
    { $set: { deletedAt: new Date(NOW.getTime() - 30 * 86_400_000 + 60_000) } },
  );
  expect(await purgeDeletedContent(deps)).toBe(0);
  expect(
    await service.db.collection('content.chunks').countDocuments({ files_id: contentId }),
  ).toBe(1);
  // deleted 30 days ago to the second: purged, once
  await documents.updateOne(
    { _id: body.id },
    { $set: { deletedAt: new Date(NOW.getTime() - 30 * 86_400_000) } },
  );
  expect(await purgeDeletedContent(deps)).toBe(1);
  expect(await purgeDeletedContent(deps)).toBe(0);
  expect(
    await service.db.collection('content.chunks').countDocuments({ files_id: contentId }),
  ).toBe(0);
  expect(await documents.findOne({ _id: body.id })).toMatchObject({
    contentPurgedAt: NOW,
    deletedBy: caseworker.userId,
  });
});
