import { ObjectId } from 'mongodb';
import { z } from 'zod';
import type { Actor } from '@hearth/auth';
import { auditDenialAfterAnswer, decideAccess, type Action } from '@hearth/access';
import { cursorCodec, notFound } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
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

/** Where a page starts: the last item of the previous page, in the list's order. */
export const documentCursor = cursorCodec(
  z.strictObject({ createdAt: z.iso.datetime(), contentId: z.string().regex(/^[0-9a-f]{24}$/) }),
);

/**
 * One page of a participant's documents the actor may read, newest first (the route has passed
 * the gate). MongoDB is asked only for what the actor may see, so a page is full whenever more
 * documents exist; each one is then decided again by the one gate, as every read is, by its own
 * record's sharing. A person linked in intake lists the documents of all their records together
 * to an actor who may see every one of them (libs/people, in Postgres); another sees this
 * record's alone.
 */
export async function participantDocuments(
  deps: DocumentsDeps,
  actor: Actor,
  participantId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: DocumentRecord[]; nextCursor: string | null }> {
  const after = documentCursor.decode(page.cursor);
  const now = deps.clock();
  const records = await recordsListedTogether(deps.pool, actor, participantId, now);
  if (records.size === 0) return { items: [], nextCursor: null };
  // ids are kept as uploaded (a string in MongoDB, not a uuid): the asked spelling counts too
  const spellings = (ids: string[]) =>
    ids.includes(participantId.toLowerCase()) ? [...new Set([...ids, participantId])] : ids;
  // Another organization's confidential document: readable exactly when the actor's organization
  // holds an active release of its record, the same for every such document of that record.
  const released = [...records].flatMap(([id, participant]) =>
    decideAccess({
      actor,
      participant,
      record: { orgId: id, restriction: 'confidential' }, // an org id that is not theirs
      action: 'read',
      now,
    }).allowed
      ? [id]
      : [],
  );
  const visible =
    released.length === records.size
      ? []
      : [
          {
            $or: [
              { participantId: { $in: spellings(released) } },
              { confidentiality: 'public' as const },
              { orgId: actor.orgId },
            ],
          },
        ];
  const start = after && {
    createdAt: new Date(after.createdAt),
    contentId: ObjectId.createFromHexString(after.contentId),
  };
  const beyond = start
    ? [
        {
          $or: [
            { createdAt: { $lt: start.createdAt } },
            { createdAt: start.createdAt, contentId: { $lt: start.contentId } },
          ],
        },
      ]
    : [];
  const and = [...visible, ...beyond];
  const rows = await deps.mongo.documents
    .find({
      participantId: { $in: spellings([...records.keys()]) },
      deletedAt: null,
      ...(and.length ? { $and: and } : {}),
    })
    .sort({ createdAt: -1, contentId: -1 }) // same instant: the later upload (ObjectIds rise) first
    .limit(page.limit + 1)
    .toArray();
  const { items, nextCursor } = documentCursor.page(rows, page.limit, (d) => ({
    createdAt: d.createdAt.toISOString(),
    contentId: d.contentId.toHexString(),
  }));
  const allowed = (d: DocumentRecord) => {
    const participant = records.get(d.participantId.toLowerCase());
    return (
      participant !== undefined &&
      decideAccess({ actor, participant, record: scopeOf(d), action: 'read', now }).allowed
    );
  };
  return { items: items.filter(allowed), nextCursor };
}
