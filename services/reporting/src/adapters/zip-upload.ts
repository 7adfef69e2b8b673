import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import yauzl from 'yauzl';
import { Problem, badRequest, unprocessable } from '@hearth/http';

/** The zip as sent (HUD's sample is 3.5 MB zipped; a continuum's is tens of MB). */
export const MAX_ZIP_BYTES = 200 * 1024 * 1024;
/** One CSV unpacked: past this the entry is refused before it is read (a zip bomb). */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

export interface ReceivedZip {
  path: string;
  sha256: string;
  /** Removes the temporary copy. */
  discard: () => Promise<void>;
}

const tooLarge = () =>
  new Problem(413, 'Payload Too Large', `The zip is over ${MAX_ZIP_BYTES} bytes.`, [
    { field: 'file', message: `At most ${MAX_ZIP_BYTES} bytes` },
  ]);

/**
 * Streams the one `file` part of a multipart upload to a temporary file, hashing it as it goes:
 * a zip's directory is at its end, so it is read from disk, never held in memory.
 */
export async function receiveZip(req: Request): Promise<ReceivedZip> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? ''))
    throw new Problem(415, 'Unsupported Media Type', 'Send the zip as multipart/form-data.', [
      { field: 'body', message: 'multipart/form-data expected' },
    ]);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: MAX_ZIP_BYTES + 1, files: 1, fields: 0, parts: 1 },
    });
  } catch {
    throw badRequest('The multipart body has no boundary.', [
      { field: 'body', message: 'multipart/form-data with a boundary expected' },
    ]);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hmis-import-'));
  const path = join(dir, 'upload.zip');
  const discard = () => rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let size = 0;
  let writing: Promise<void> | undefined;
  let wrongPart = false;
  parser.on('file', (name, stream: Readable) => {
    if (name !== 'file' || writing) {
      wrongPart = true;
      stream.resume();
      return;
    }
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    writing = pipeline(stream, createWriteStream(path));
    writing.catch(() => undefined); // awaited below
  });
  try {
    await pipeline(req, parser);
    await writing;
  } catch {
    await discard();
    throw badRequest('The multipart body could not be read.', [
      { field: 'body', message: 'A complete multipart/form-data body expected' },
    ]);
  }
  if (size > MAX_ZIP_BYTES) {
    await discard();
    throw tooLarge();
  }
  if (!writing || wrongPart) {
    await discard();
    throw badRequest('Send the zip as the one part named `file`.', [
      { field: 'file', message: 'Required, once' },
    ]);
  }
  return { path, sha256: hash.digest('hex'), discard };
}

export interface ZipEntries {
  /** Entry names as sent. */
  names: string[];
  /** Opens one entry's bytes, checked against its declared size while read. */
  open: (name: string) => Promise<Readable>;
  close: () => void;
}

/** Opens the received zip's directory; a file that is not a zip is refused naming `file`. */
export async function openZip(path: string): Promise<ZipEntries> {
  const notAZip = (why: string) =>
    unprocessable('The upload is not a readable zip.', [{ field: 'file', message: why }]);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, decodeStrings: true, autoClose: false }, (err, z) =>
      err ? reject(notAZip(err.message)) : resolve(z),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', (err: Error) => reject(notAZip(err.message)));
    zip.readEntry();
  });
  return {
    names: [...entries.keys()],
    open: (name) => {
      const entry = entries.get(name)!;
      if (entry.uncompressedSize > MAX_ENTRY_BYTES)
        return Promise.reject(
          unprocessable(`${name} is too large unpacked.`, [
            { field: name, message: `At most ${MAX_ENTRY_BYTES} bytes unpacked` },
          ]),
        );
      return new Promise((resolve, reject) =>
        zip.openReadStream(entry, (err, stream) =>
          err ? reject(notAZip(`${name}: ${err.message}`)) : resolve(stream),
        ),
      );
    },
    close: () => zip.close(),
  };
}
