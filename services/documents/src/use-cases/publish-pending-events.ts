import { publishConfirmed } from '@hearth/bus';
import type { DocumentsDeps } from '../deps';

/**
 * The embedded outbox's relay: each document's pending events, oldest first, published with a
 * publisher confirm and only then removed from the document. Removal pops the head only while it
 * is still the event just confirmed (FerretDB v1 ignores a `$pull` by condition; `$pop` on a
 * matched head works on it and on MongoDB). A crash between confirm and pop publishes it again:
 * consumers are idempotent by event id. Runs as a singleton job, so order holds per document.
 */
export async function publishPendingEvents(deps: DocumentsDeps): Promise<void> {
  const channel = deps.broker.publisher;
  if (!channel) return; // broker down: the events wait in their documents
  await deps.mongo.ready();
  const documents = await deps.mongo.documents
    .find({ 'pendingEvents.0': { $exists: true } }, { projection: { pendingEvents: 1 } })
    .limit(100)
    .toArray();
  for (const document of documents)
    for (const event of document.pendingEvents) {
      const failure = await publishConfirmed(deps.broker, channel, event);
      if (failure) {
        deps.logger.warn(
          { eventId: event.id, failure },
          'document event not published; will retry',
        );
        break; // the next ones of this document wait behind it
      }
      await deps.mongo.documents.updateOne(
        { _id: document._id, 'pendingEvents.0.id': event.id },
        { $pop: { pendingEvents: -1 } },
      );
    }
}
