import { IDEMPOTENCY_KEY_HOURS } from '@hearth/http';
import type { DocumentRecord } from '../adapters/mongo';
import type { DocumentsDeps } from '../deps';

/** The shared header's promise: a key answers its first upload again for 24 h, then is free. */
export const keyExpiresAt = (createdAt: Date) =>
  new Date(createdAt.getTime() + IDEMPOTENCY_KEY_HOURS * 3_600_000);

export const isKeyExpired = (d: DocumentRecord, now: Date) =>
  d.idempotency.keyExpiresAt != null && d.idempotency.keyExpiresAt <= now;

/**
 * Frees a document's expired key, so the next upload with it is a new request. The unique index
 * needs a value per document: the document's own id stands in, as for an upload sent without a key.
 */
export async function releaseKey(deps: DocumentsDeps, d: DocumentRecord): Promise<void> {
  await deps.mongo.documents.updateOne(
    { _id: d._id, 'idempotency.key': d.idempotency.key },
    { $set: { 'idempotency.key': `expired:${d._id}`, 'idempotency.keyExpiresAt': null } },
  );
}

/** The sweep: every key past its 24 h is freed (a replay frees its own at once anyway). */
export async function releaseExpiredKeys(deps: DocumentsDeps): Promise<number> {
  const due = await deps.mongo.documents
    .find({ 'idempotency.keyExpiresAt': { $ne: null, $lte: deps.clock() } })
    .limit(500)
    .toArray();
  for (const d of due) await releaseKey(deps, d);
  return due.length;
}
