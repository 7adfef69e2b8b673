import type { Actor } from '@hearth/auth';
import { auditDenialAfterAnswer, decideAccess, type Action } from '@hearth/access';
import { notFound } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import type { DocumentRecord } from '../adapters/mongo';
import type { DocumentsDeps } from '../deps';

/** A document as the access rules see it: confidential stays with its organization and released ones. */
const scopeOf = (d: DocumentRecord) => ({ orgId: d.orgId, restriction: d.confidentiality });

/**
 * The documents with these ids the actor may `action`, in the order asked, or 404 for the first
 * that is unknown, deleted or not theirs to see (audited, answered as if it did not exist).
 */
export async function visibleDocuments(
  deps: DocumentsDeps,
  actor: Actor,
  ids: readonly string[],
  action: Action,
): Promise<DocumentRecord[]> {
  const found = await deps.mongo.documents
    .find({ _id: { $in: [...ids] }, deletedAt: null })
    .toArray();
  const byId = new Map(found.map((d) => [d._id, d]));
  const sharing = await sharingOf(deps.pool, [...new Set(found.map((d) => d.participantId))]);
  const now = deps.clock();
  return ids.map((id) => {
    const document = byId.get(id);
    const participant = document && sharing.get(document.participantId);
    if (!document || !participant) throw notFound('The document');
    const decision = decideAccess({ actor, participant, record: scopeOf(document), action, now });
    if (!decision.allowed) {
      auditDenialAfterAnswer(
        deps.pool,
        actor,
        document.participantId,
        `${action}_document`,
        decision.reason,
        deps.logger,
      );
      throw notFound('The document');
    }
    return document;
  });
}

/** A participant's documents the actor may read, newest first (the route has passed the gate). */
export async function participantDocuments(
  deps: DocumentsDeps,
  actor: Actor,
  participantId: string,
): Promise<DocumentRecord[]> {
  const participant = (await sharingOf(deps.pool, [participantId])).get(participantId);
  if (!participant) return [];
  const now = deps.clock();
  const documents = await deps.mongo.documents
    .find({ participantId, deletedAt: null })
    .sort({ createdAt: -1, contentId: -1 }) // same instant: the later upload (ObjectIds rise) first
    .limit(500)
    .toArray();
  return documents.filter(
    (d) => decideAccess({ actor, participant, record: scopeOf(d), action: 'read', now }).allowed,
  );
}
