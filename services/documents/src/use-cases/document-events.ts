import type { DocumentRecord } from '../adapters/mongo';

/** What a document's events say of it: never its file name, comment or content. */
export const documentFacts = (
  d: Pick<
    DocumentRecord,
    | '_id'
    | 'participantId'
    | 'orgId'
    | 'category'
    | 'documentType'
    | 'documentDate'
    | 'confidentiality'
  >,
) => ({
  documentId: d._id,
  participantId: d.participantId,
  orgId: d.orgId,
  category: d.category,
  documentType: d.documentType,
  documentDate: d.documentDate,
  confidentiality: d.confidentiality,
});
