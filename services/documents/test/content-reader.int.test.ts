import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, MongoClient, type Db, type ObjectId } from 'mongodb';
import { readContent } from '../src/adapters/content-reader';

/** The download reader against GridFS's own writes on the MongoDB-compatible server. */
let client: MongoClient;
let db: Db;
let bucket: GridFSBucket;

beforeAll(async () => {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:57017/');
  url.pathname = `/content_reader_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  client = await MongoClient.connect(url.toString());
  db = client.db();
  bucket = new GridFSBucket(db, { bucketName: 'content' });
});
afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

/** 1 MB of varied bytes: GridFS's 255 kB chunks make five of them, the last one short. */
const bytes = Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => (i * 7 + (i >> 9)) % 251));

async function stored(): Promise<ObjectId> {
  const upload = bucket.openUploadStream('sample.pdf');
  await pipeline(Readable.from([bytes]), upload);
  return upload.id;
}

async function read(contentId: ObjectId, size: number) {
  const parts: Buffer[] = [];
  for await (const part of readContent(db, 'content', contentId, size)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

test('reads back, byte for byte and in order, a file GridFS wrote in several chunks', async () => {
  const id = await stored();
  expect(await db.collection('content.chunks').countDocuments({ files_id: id })).toBe(5);
  expect((await read(id, bytes.length)).equals(bytes)).toBe(true);
});

test('fails rather than send a document with a chunk missing from its middle', async () => {
  const id = await stored();
  await db.collection('content.chunks').deleteOne({ files_id: id, n: 2 });
  await expect(read(id, bytes.length)).rejects.toThrow('lacks chunk 2');
});

test('fails rather than send a document shorter than its recorded size', async () => {
  const id = await stored();
  await db.collection('content.chunks').deleteOne({ files_id: id, n: 4 });
  await expect(read(id, bytes.length)).rejects.toThrow(`of its ${bytes.length} bytes`);
});
