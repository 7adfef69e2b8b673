import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import {
  defineRoute,
  idParams,
  idempotencyHeaders,
  page,
  pageQuery,
  uuid,
  type Api,
} from '@hearth/http';
import type { DocumentRecord } from '../adapters/mongo';
import type { DocumentsDeps } from '../deps';
import { categories } from '../domain/categories';
import { uploadFields } from '../domain/upload-fields';
import { deleteDocument } from '../use-cases/delete-document';
import { streamArchive, streamDocument } from '../use-cases/stream-content';
import { uploadDocument } from '../use-cases/upload-document';
import { participantDocuments, visibleDocuments } from '../use-cases/visible-documents';
import { participantFor } from './participant-gate';

export const documentView = z.object({
  id: z.string().uuid(),
  participantId: z.string().uuid(),
  orgId: z.string().uuid(),
  uploadedBy: z.string().uuid(),
  category: z.string(),
  documentType: z.string(),
  comment: z.string().nullable(),
  confidentiality: z.enum(['confidential', 'public']),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  documentDate: z.string(),
  createdAt: z.string(),
});

export const viewOf = (d: DocumentRecord): z.infer<typeof documentView> => ({
  id: d._id,
  participantId: d.participantId,
  orgId: d.orgId,
  uploadedBy: d.uploadedBy,
  category: d.category,
  documentType: d.documentType,
  comment: d.comment ?? null,
  confidentiality: d.confidentiality,
  fileName: d.fileName,
  contentType: d.contentType,
  size: d.size,
  sha256: d.sha256,
  documentDate: d.documentDate,
  createdAt: d.createdAt.toISOString(),
});

const participantQuery = z.strictObject({ participantId: uuid() });

/** Up to 50 distinct ids, comma-separated: one request's zip. */
const archiveQuery = z.strictObject({
  ids: z
    .string()
    .max(50 * 37)
    .transform((s) => s.split(','))
    .pipe(
      z
        .array(uuid())
        .min(1)
        .max(50)
        .refine((ids) => new Set(ids).size === ids.length, 'Each id once'),
    )
    .describe('Comma-separated document ids (1 to 50)'),
});

export function documentRoutes(api: Api, deps: DocumentsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/documents/categories',
    summary: 'The document categories an upload names, each with its document types',
    tag: 'documents',
    success: {
      status: 200,
      schema: z.object({
        items: z.array(
          z.object({ code: z.string(), label: z.string(), types: z.array(z.string()) }),
        ),
      }),
    },
    handler: async () => ({ items: categories.map((c) => ({ ...c, types: [...c.types] })) }),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/documents',
    summary:
      "Upload a document to a participant's file (multipart: the fields, then one `file` part)",
    tag: 'documents',
    bodyContentType: 'multipart/form-data',
    body: uploadFields.extend({ file: z.string().meta({ format: 'binary' }) }),
    query: participantQuery,
    headers: idempotencyHeaders,
    problems: [413, 415, 422],
    success: { status: 201, schema: documentView },
    handler: async ({ query, headers, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, query.participantId, 'write', deps.clock());
      const { document, replayed } = await uploadDocument(
        deps,
        req,
        actor,
        query.participantId,
        headers['idempotency-key'],
      );
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      return viewOf(document);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/documents',
    summary: "A participant's documents you may see, newest first",
    tag: 'documents',
    query: participantQuery.extend(pageQuery),
    success: { status: 200, schema: page(documentView) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, query.participantId, 'read', deps.clock());
      const found = await participantDocuments(deps, actor, query.participantId, query);
      return { items: found.items.map(viewOf), nextCursor: found.nextCursor };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/documents/archive',
    summary: 'Several documents as one zip, streamed; 404 before a byte if any is not yours to see',
    tag: 'documents',
    query: archiveQuery,
    success: { status: 200, contentType: 'application/zip' },
    handler: async ({ query, req, res }) => {
      const documents = await visibleDocuments(deps, actorOf(req), query.ids, 'read');
      await streamArchive(deps, documents, res);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/documents/:id/content',
    summary: "A document's content, streamed as an attachment",
    tag: 'documents',
    params: idParams,
    // the document's own type, sniffed at upload (application/pdf, image/jpeg, ...)
    success: { status: 200, contentType: '*/*' },
    handler: async ({ params, req, res }) => {
      const [document] = await visibleDocuments(deps, actorOf(req), [params.id], 'read');
      await streamDocument(deps, document!, res);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/documents/:id',
    summary: "Delete a document (soft; your organization's uploads only)",
    tag: 'documents',
    params: idParams,
    success: { status: 204 },
    handler: async ({ params, req }) => {
      await deleteDocument(deps, actorOf(req), params.id);
    },
  });
}
