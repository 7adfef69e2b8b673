import { ObjectId } from 'mongodb';
import type { DocumentsDeps } from '../deps';

/** An upload still streaming has chunks and no metadata yet; one older than this was abandoned. */
export const ORPHAN_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes GridFS content no metadata document names, once older than an hour: what a crash
 * between the last chunk and the metadata write leaves (an abandoned upload removes its own). The
 * age is the content id's own timestamp (an ObjectId made when the upload began), so chunks
 * without their files entry are found too.
 */
export async function sweepOrphanContent(deps: DocumentsDeps): Promise<number> {
  const bucket = await deps.mongo.bucket();
  const db = await deps.mongo.database();
  const before = ObjectId.createFromTime(
    Math.floor((deps.clock().getTime() - ORPHAN_AFTER_MS) / 1000),
  );
  const [chunked, filed] = await Promise.all([
    db.collection('content.chunks').distinct('files_id', { files_id: { $lt: before } }),
    db.collection('content.files').distinct('_id', { _id: { $lt: before } }),
  ]);
  const candidates = [...new Map([...chunked, ...filed].map((id) => [String(id), id])).values()];
  if (!candidates.length) return 0;
  const named = await deps.mongo.documents.distinct('contentId', {
    contentId: { $in: candidates },
  });
  const keep = new Set(named.map(String));
  const orphans = candidates.filter((id) => !keep.has(String(id)));
  for (const id of orphans) await bucket.delete(id).catch(() => undefined);
  await db.collection('content.chunks').deleteMany({ files_id: { $in: orphans } }); // without a files entry
  return orphans.length;
}

/** Purges the content of documents deleted longer ago than the retention; the metadata stays. */
export async function purgeDeletedContent(deps: DocumentsDeps): Promise<number> {
  const bucket = await deps.mongo.bucket();
  const now = deps.clock();
  const cutoff = new Date(now.getTime() - deps.config.DOCUMENTS_RETENTION_DAYS * 86_400_000);
  const due = await deps.mongo.documents
    .find({ deletedAt: { $ne: null, $lte: cutoff }, contentPurgedAt: null })
    .project<{ _id: string; contentId: ObjectId }>({ contentId: 1 })
    .limit(500)
    .toArray();
  for (const document of due) {
    await bucket.delete(document.contentId).catch(() => undefined); // gone already: purge is idempotent
    await deps.mongo.documents.updateOne({ _id: document._id }, { $set: { contentPurgedAt: now } });
  }
  return due.length;
}
