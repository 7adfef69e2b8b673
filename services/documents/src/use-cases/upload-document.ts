import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import FileType from 'file-type';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { organizationToday } from '@hearth/directory';
import { DocumentUploaded, createEvent } from '@hearth/events';
import { Problem, badRequest, fieldErrors, unprocessable } from '@hearth/http';
import { discard, receiveUpload } from '../adapters/multipart';
import type { DocumentRecord } from '../adapters/mongo';
import type { DocumentsDeps } from '../deps';
import { contentVerdict, executableByMagic } from '../domain/content';
import { uploadFields, uploadRuleErrors } from '../domain/upload-fields';
import { documentFacts } from './document-events';
import { isKeyExpired, keyExpiresAt, releaseKey } from './idempotency-keys';

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/**
 * Streams the upload into GridFS, then checks the fields and the bytes and writes the metadata
 * document with its `uploaded` event in one write. Any refusal removes the stored content, so a
 * refused upload leaves nothing behind. The route has passed the participant gate ('write').
 */
export async function uploadDocument(
  deps: DocumentsDeps,
  req: Request,
  actor: Actor,
  participantId: string,
  idempotencyKey: string | undefined,
): Promise<{ document: DocumentRecord; replayed: boolean }> {
  const bucket = await deps.mongo.bucket();
  const { fields, file } = await receiveUpload(req, bucket, deps.config.DOCUMENTS_MAX_BYTES);
  try {
    const parsed = uploadFields.safeParse(fields);
    if (!parsed.success) throw badRequest('The upload is invalid.', fieldErrors(parsed.error));
    const now = deps.clock();
    const today = await organizationToday(deps.pool, actor.orgId, deps.clock);
    const ruleErrors = uploadRuleErrors(parsed.data, today);
    if (ruleErrors.length) throw unprocessable('The upload breaks a rule.', ruleErrors);
    const detected = executableByMagic(file.head) ?? (await FileType.fromBuffer(file.head))?.mime;
    const verdict = contentVerdict({ ...file, detected, declared: file.declaredType });
    if (!verdict.ok)
      throw new Problem(422, 'Unprocessable Content', verdict.message, [
        { field: 'file', message: verdict.message },
      ]);
    const id = randomUUID();
    const request = { participantId, ...parsed.data, fileName: file.fileName, sha256: file.sha256 };
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const document: DocumentRecord = {
      _id: id,
      participantId,
      orgId: actor.orgId,
      uploadedBy: actor.userId,
      category: parsed.data.category,
      documentType: parsed.data.documentType,
      comment: parsed.data.comment ?? null,
      confidentiality: parsed.data.confidentiality,
      fileName: file.fileName,
      contentType: verdict.contentType,
      size: file.size,
      sha256: file.sha256,
      documentDate: parsed.data.documentDate,
      contentId: file.contentId,
      createdAt: now,
      deletedAt: null,
      deletedBy: null,
      idempotency: {
        actorId: actor.userId,
        key: idempotencyKey ?? `none:${id}`,
        requestHash,
        keyExpiresAt: idempotencyKey ? keyExpiresAt(now) : null,
      },
      pendingEvents: [],
    };
    const event = createEvent(DocumentUploaded, {
      orgId: actor.orgId,
      ...authorOf(actor),
      occurredAt: now,
      data: documentFacts(document),
    });
    // Three tries at most: a key past its 24 h is freed by the first conflict, and a retry racing
    // this one to the freed key is answered with the winner's document.
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.mongo.documents.insertOne({ ...document, pendingEvents: [event] });
        return { document, replayed: false };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const first = await firstAnswer(deps, actor, idempotencyKey!, requestHash, now);
        // the key is free (expired and freed here, or freed by a racing retry that has not
        // written its document yet): try again, and meet the winner's document if there is one
        if (!first && attempt < 3) continue;
        if (!first) throw err;
        await discard(bucket, file.contentId); // the first upload's content is the one kept
        return { document: first, replayed: true };
      }
    }
  } catch (err) {
    await discard(bucket, file.contentId);
    throw err;
  }
}

/**
 * The document a key already made, or undefined when the key is free (expired and freed here, or
 * freed by a racing retry); the same key with another upload within its 24 h breaks its promise.
 */
async function firstAnswer(
  deps: DocumentsDeps,
  actor: Actor,
  key: string,
  requestHash: string,
  now: Date,
) {
  const kept = await deps.mongo.documents.findOne({
    'idempotency.actorId': actor.userId,
    'idempotency.key': key,
  });
  if (!kept) return undefined; // freed meanwhile by a racing retry
  if (isKeyExpired(kept, now)) return void (await releaseKey(deps, kept));
  if (kept.idempotency.requestHash !== requestHash)
    throw unprocessable('This Idempotency-Key was used for another request.', [
      { field: 'Idempotency-Key', message: 'Already used with a different request; use a new key' },
    ]);
  return kept;
}
