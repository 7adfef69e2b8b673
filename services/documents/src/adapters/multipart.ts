import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import type { GridFSBucket, GridFSBucketWriteStream, ObjectId } from 'mongodb';
import { Problem, badRequest, type FieldError } from '@hearth/http';
import { fileNameProblem } from '../domain/content';

/** file-type reads at most this many bytes to name a type. */
const HEAD_BYTES = 4100;

export interface StoredFile {
  contentId: ObjectId;
  fileName: string;
  declaredType: string;
  size: number;
  sha256: string;
  /** the first bytes, for sniffing */
  head: Buffer;
}

export interface Received {
  fields: Record<string, string>;
  file: StoredFile;
}

/** Resolves once the chunk is in GridFS, so nothing is in flight when an upload is abandoned. */
const write = (upload: GridFSBucketWriteStream, chunk: Buffer) =>
  new Promise<void>((resolve, reject) =>
    upload.write(chunk, (err) => (err ? reject(err) : resolve())),
  );

/** Streams the one `file` part into GridFS chunk by chunk, hashing and counting as it goes. */
async function store(
  bucket: GridFSBucket,
  stream: Readable & { truncated?: boolean },
  fileName: string,
  declaredType: string,
): Promise<StoredFile & { upload: GridFSBucketWriteStream; truncated: boolean }> {
  // The GridFS name is not the client's: the metadata document keeps that, once checked.
  const upload = bucket.openUploadStream('upload');
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (size < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES - size));
      size += chunk.length;
      hash.update(chunk);
      await write(upload, chunk);
    }
    await new Promise<void>((resolve, reject) =>
      upload.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  } catch (err) {
    await upload.abort().catch(() => undefined); // deletes the chunks written so far
    throw err;
  }
  const stored = { contentId: upload.id as ObjectId, fileName, declaredType, size };
  return {
    ...stored,
    sha256: hash.digest('hex'),
    head: Buffer.concat(head),
    upload,
    truncated: stream.truncated === true,
  };
}

/** Removes a stored file (an upload refused after its bytes arrived). */
export async function discard(bucket: GridFSBucket, contentId: ObjectId): Promise<void> {
  await bucket.delete(contentId).catch(() => undefined);
}

/**
 * Reads a multipart upload: its text fields, and exactly one part named `file` streamed into
 * GridFS (never held whole in memory). Refusals are problems naming the part at fault, and leave
 * nothing in GridFS; an upload the client abandons half-way is removed as well.
 */
export async function receiveUpload(
  req: Request,
  bucket: GridFSBucket,
  maxBytes: number,
): Promise<Received> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? ''))
    throw new Problem(415, 'Unsupported Media Type', 'Send the upload as multipart/form-data.', [
      { field: 'body', message: 'multipart/form-data expected' },
    ]);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      preservePath: true, // so a name with a path is refused, not silently cut to its base name
      // one byte over the limit tells a file of exactly the limit from a larger one
      limits: { fileSize: maxBytes + 1, files: 1, fields: 20, fieldSize: 8 * 1024, parts: 21 },
    });
  } catch {
    throw badRequest('The multipart body has no boundary.', [
      { field: 'body', message: 'multipart/form-data with a boundary expected' },
    ]);
  }
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  let storing: ReturnType<typeof store> | undefined;
  let fileStream: Readable | undefined;

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) errors.push({ field: name, message: 'At most 8192 bytes' });
    else if (name in fields) errors.push({ field: name, message: 'Sent twice' });
    else fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    const problem = name === 'file' ? fileNameProblem(info.filename ?? '') : 'Unknown file part';
    if (problem || storing) {
      errors.push({ field: name === 'file' ? 'file' : name, message: problem ?? 'Sent twice' });
      stream.resume();
      return;
    }
    fileStream = stream;
    storing = store(bucket, stream, info.filename ?? '', info.mimeType);
    storing.catch(() => undefined); // awaited below
  });
  parser.on('filesLimit', () =>
    errors.push({ field: 'file', message: 'Only one file per upload' }),
  );
  parser.on('fieldsLimit', () => errors.push({ field: 'body', message: 'Too many fields' }));
  parser.on('partsLimit', () => errors.push({ field: 'body', message: 'Too many parts' }));

  let parseError: unknown;
  try {
    await pipeline(req, parser);
  } catch (err) {
    parseError = err;
    fileStream?.destroy(err as Error); // the client went away or the body is malformed
  }
  const stored = await storing?.then(
    (file) => file,
    (err: unknown) => {
      parseError ??= err;
      return undefined;
    },
  );
  if (parseError || errors.length || !stored || stored.size > maxBytes) {
    if (stored) await discard(bucket, stored.contentId);
    if (parseError && !(parseError instanceof Problem))
      throw badRequest('The multipart body is malformed or ended early.', [
        {
          field: 'body',
          message: /part header/i.test(String(parseError))
            ? "A part's headers are malformed (a raw control character in a file name?)"
            : 'A complete multipart/form-data body expected',
        },
      ]);
    if (errors.length) throw badRequest('The upload is invalid.', errors);
    if (!stored)
      throw badRequest('The upload has no file.', [{ field: 'file', message: 'Required' }]);
    throw new Problem(413, 'Content Too Large', `The file is larger than ${maxBytes} bytes.`, [
      { field: 'file', message: `At most ${maxBytes} bytes` },
    ]);
  }
  const { upload: _done, truncated: _full, ...file } = stored;
  return { fields, file };
}
