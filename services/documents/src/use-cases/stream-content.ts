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
  const bucket = await deps.mongo.bucket();
  downloadHeaders(res, d.contentType, d.fileName);
  res.setHeader('Content-Length', String(d.size));
  await pipeline(bucket.openDownloadStream(d.contentId), res).catch(
    cutShort(deps, res, 'a download'),
  );
}

/**
 * Streams several documents as one zip as it is built (archiver): each entry is read from GridFS
 * only when the archive reaches it, so memory holds a chunk, not the files.
 */
export async function streamArchive(deps: DocumentsDeps, ds: DocumentRecord[], res: Response) {
  const bucket = await deps.mongo.bucket();
  downloadHeaders(res, 'application/zip', 'documents.zip');
  // photos and PDFs are compressed already: storing them is as small and far cheaper
  const zip = archiver('zip', { store: true });
  const names = uniqueNames(ds.map((d) => d.fileName));
  const entries = ds.map((d) => bucket.openDownloadStream(d.contentId));
  entries.forEach((entry, i) => zip.append(entry, { name: names[i]!, date: ds[i]!.createdAt }));
  const done = pipeline(zip, res);
  // awaited together: a reader going away rejects `done` while finalize is pending, and a
  // rejection left unawaited would stop the process; the entries not yet read are closed, or their
  // GridFS reads would linger
  await Promise.all([zip.finalize(), done]).catch((err: unknown) => {
    zip.abort();
    for (const entry of entries) entry.destroy();
    return cutShort(deps, res, 'a zip')(err);
  });
}
