import { Readable } from 'node:stream';
import type { Binary, Db, ObjectId } from 'mongodb';

/** Chunks a download holds at once: about 1 MB of GridFS's 255 KB chunks. */
const CHUNKS_PER_BATCH = 4;

interface Chunk {
  files_id: ObjectId;
  n: number;
  data: Binary;
}

/**
 * A GridFS file's content as a stream, a few chunks at a time. The driver's own download stream
 * asks for the chunks with the default first batch of 101 documents: a 25 MB file's whole content
 * in one reply, held in this process, so its memory rose by the size of the file. The layout is
 * GridFS's (`<bucket>.chunks`: files_id, n, data), so what GridFS wrote reads back; a missing
 * chunk or a short file fails the stream rather than sending a silently truncated document.
 */
export function readContent(db: Db, bucketName: string, contentId: ObjectId, size: number) {
  const cursor = db
    .collection<Chunk>(`${bucketName}.chunks`)
    .find({ files_id: contentId }, { batchSize: CHUNKS_PER_BATCH, projection: { n: 1, data: 1 } })
    .sort({ n: 1 });
  async function* chunks() {
    let next = 0;
    let bytes = 0;
    try {
      for await (const chunk of cursor) {
        if (chunk.n !== next) throw new Error(`content ${String(contentId)} lacks chunk ${next}`);
        next++;
        const data = chunk.data.read(0, chunk.data.length());
        bytes += data.length;
        yield data;
      }
    } finally {
      await cursor.close(); // also when the reader went away midway
    }
    if (bytes !== size)
      throw new Error(`content ${String(contentId)} has ${bytes} of its ${size} bytes`);
  }
  return Readable.from(chunks(), { objectMode: false });
}
