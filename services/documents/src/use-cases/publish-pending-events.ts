import { publishConfirmed } from '@hearth/bus';
import type { DocumentsDeps } from '../deps';

/** A document whose event the broker did not take waits this long, doubling, up to a minute. */
const backOffMs = (attempts: number) => Math.min(60_000, 100 * 2 ** attempts);

// Per process: the relay is a singleton job, and a replica taking it over starts afresh.
const waiting = new Map<string, { attempts: number; retryAt: number }>();

/**
 * The embedded outbox's relay: each document's pending events, oldest first, published with a
 * publisher confirm and only then removed from the document. Removal pops the head only while it
 * is still the event just confirmed (FerretDB v1 ignores a `$pull` by condition; `$pop` on a
 * matched head works on it and on MongoDB). A crash between confirm and pop publishes it again:
 * consumers are idempotent by event id. Runs as a singleton job, so order holds per document; a
 * document whose event is refused (no queue bound yet) backs off instead of being retried, and
 * logged, four times a second.
 */
export async function publishPendingEvents(deps: DocumentsDeps): Promise<void> {
  const channel = deps.broker.publisher;
  if (!channel) return; // broker down: the events wait in their documents
  await deps.mongo.ready();
  const now = Date.now(); // the broker's pace, not a rule's date: real time even under a test clock
  const later = [...waiting].filter(([, w]) => w.retryAt > now).map(([id]) => id);
  const documents = await deps.mongo.documents
    .find(
      { 'pendingEvents.0': { $exists: true }, _id: { $nin: later } },
      { projection: { pendingEvents: 1 } },
    )
    .limit(100)
    .toArray();
  for (const document of documents)
    for (const event of document.pendingEvents) {
      const failure = await publishConfirmed(deps.broker, channel, event);
      if (failure) {
        const attempts = (waiting.get(document._id)?.attempts ?? 0) + 1;
        waiting.set(document._id, { attempts, retryAt: now + backOffMs(attempts) });
        if (attempts === 1 || attempts % 10 === 0)
          deps.logger.warn(
            { eventId: event.id, failure, attempts },
            'document event not published; will retry',
          );
        break; // the next ones of this document wait behind it
      }
      waiting.delete(document._id);
      await deps.mongo.documents.updateOne(
        { _id: document._id, 'pendingEvents.0.id': event.id },
        { $pop: { pendingEvents: -1 } },
      );
    }
}
