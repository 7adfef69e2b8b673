import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import archiver from 'archiver';
import type { DocumentRecord } from '../adapters/mongo';
import type { DocumentsDeps } from '../deps';
import { contentDisposition, uniqueNames } from '../domain/file-names';

/** Headers every download carries: the browser must neither guess the type nor render it inline. */
function downloadHeaders(res: Response, contentType: string, fileName: string) {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', contentDisposition(fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
}

/**
 * A download cut short (the reader went away, or reading failed midway) cannot be answered any
 * more: only the log is left. Before a byte went out, the failure is the route's to answer.
 */
function cutShort(deps: DocumentsDeps, res: Response, what: string) {
  return (err: unknown) => {
    if (!res.headersSent) throw err;
    deps.logger.warn({ err }, `${what} was not delivered whole`);
  };
}

/** Streams one document's content from GridFS (the caller decided it is visible). */
export async function streamDocument(deps: DocumentsDeps, d: DocumentRecord, res: Response) {
  const content = await deps.mongo.content(d.contentId, d.size);
  downloadHeaders(res, d.contentType, d.fileName);
  res.setHeader('Content-Length', String(d.size));
  await pipeline(content, res).catch(cutShort(deps, res, 'a download'));
}

/**
 * Streams several documents as one zip as it is built (archiver). Each entry's GridFS read opens
 * only when the one before it is written: archiver pipes every appended stream at once, so fifty
 * entries were fifty reads running together, each holding a server cursor and its chunks.
 */
export async function streamArchive(deps: DocumentsDeps, ds: DocumentRecord[], res: Response) {
  downloadHeaders(res, 'application/zip', 'documents.zip');
  // photos and PDFs are compressed already: storing them is as small and far cheaper
  const zip = archiver('zip', { store: true });
  const names = uniqueNames(ds.map((d) => d.fileName));
  let reading: Readable | undefined;
  let next = 0;
  const all = new Promise<void>((resolve, reject) => {
    const appendNext = () => {
      const d = ds[next];
      if (!d) return void zip.finalize().then(resolve, reject);
      deps.mongo.content(d.contentId, d.size).then((content) => {
        reading = content;
        zip.append(content, { name: names[next++]!, date: d.createdAt });
      }, reject);
    };
    zip.on('entry', appendNext);
    zip.on('error', reject);
    appendNext();
  });
  // awaited together: a reader going away rejects the pipeline while entries are pending, and a
  // rejection left unawaited would stop the process; the entry being read is closed, or its
  // GridFS read would linger
  await Promise.all([all, pipeline(zip, res)]).catch((err: unknown) => {
    zip.abort();
    reading?.destroy();
    return cutShort(deps, res, 'a zip')(err);
  });
}
