import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { DocumentDeleted, createEvent } from '@hearth/events';
import { notFound } from '@hearth/http';
import type { DocumentsDeps } from '../deps';
import { documentFacts } from './document-events';
import { visibleDocuments } from './visible-documents';

/**
 * Soft delete, by the uploading organization only (decideAccess: another agency may read a
 * document, never remove it): who and when are kept on the document, and its `deleted` event rides
 * in the same write. The content stays until the retention purges it.
 */
export async function deleteDocument(deps: DocumentsDeps, actor: Actor, id: string) {
  const [document] = await visibleDocuments(deps, actor, [id], 'delete');
  const now = deps.clock();
  const event = createEvent(DocumentDeleted, {
    orgId: actor.orgId,
    ...authorOf(actor),
    occurredAt: now,
    data: documentFacts(document!),
  });
  const { modifiedCount } = await deps.mongo.documents.updateOne(
    { _id: id, deletedAt: null },
    { $set: { deletedAt: now, deletedBy: actor.userId }, $push: { pendingEvents: event } },
  );
  if (!modifiedCount) throw notFound('The document'); // deleted meanwhile by a colleague
}
