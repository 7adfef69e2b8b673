import type { Queryable } from '@hearth/db';
import type { ServiceKind } from '../domain/service-kind';

/** documents' facts about one document as it now stands (uploaded, or deleted). */
export async function saveDocument(
  tx: Queryable,
  d: {
    documentId: string;
    participantId: string;
    orgId: string;
    category: string;
    documentType: string;
    documentDate: string;
  },
  uploadedOn: string,
  deleted: boolean,
) {
  await tx.query(
    `INSERT INTO participant_documents (document_id, participant_id, org_id, category,
       document_type, document_date, uploaded_on, deleted)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (document_id) DO UPDATE SET deleted = participant_documents.deleted OR $8`,
    [
      d.documentId,
      d.participantId,
      d.orgId,
      d.category,
      d.documentType,
      d.documentDate,
      uploadedOn,
      deleted,
    ],
  );
}

/** The latest document date of a live document of this category and type, if any. */
export async function latestDocumentDate(
  db: Queryable,
  participantId: string,
  category: string,
  documentType: string,
): Promise<string | null> {
  const { rows } = await db.query<{ latest: string | null }>(
    `SELECT to_char(max(document_date), 'YYYY-MM-DD') AS latest FROM participant_documents
     WHERE participant_id = $1 AND category = $2 AND document_type = $3 AND NOT deleted`,
    [participantId, category, documentType],
  );
  return rows[0]!.latest;
}

/** A service on an RA record as services now states it; an older version changes nothing. */
export async function saveRecordService(
  tx: Queryable,
  s: { serviceId: string; enrollmentId: string; participantId: string; serviceDate: string },
  kind: ServiceKind | null,
  version: number,
  deleted: boolean,
) {
  if (!kind) {
    // edited into a type that is neither coaching nor the hub's: it no longer counts
    await tx.query('DELETE FROM record_services WHERE service_id = $1 AND version <= $2', [
      s.serviceId,
      version,
    ]);
    return;
  }
  await tx.query(
    `INSERT INTO record_services (service_id, enrollment_id, participant_id, service_date, kind,
       deleted, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (service_id) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id,
       service_date = EXCLUDED.service_date, kind = EXCLUDED.kind, deleted = EXCLUDED.deleted,
       version = EXCLUDED.version
     WHERE record_services.version <= EXCLUDED.version`,
    [s.serviceId, s.enrollmentId, s.participantId, s.serviceDate, kind, deleted, version],
  );
}

export interface EngagementDates {
  /** The first coaching service copied in: no payment before it. */
  firstCoachingDate: string | null;
  /** Last qualifying (LQ) date: coaching and the final-rent service, never RRH/HP. */
  lastQualifyingDate: string | null;
  /** The first RRH/HP service (the hub's): it sets participation. */
  firstHousingSupportDate: string | null;
  finalRentExitDate: string | null;
}

export async function engagementDatesOf(
  db: Queryable,
  enrollmentId: string,
): Promise<EngagementDates> {
  const { rows } = await db.query<EngagementDates>(
    `SELECT to_char(min(service_date) FILTER (WHERE kind = 'coaching'), 'YYYY-MM-DD')
              AS "firstCoachingDate",
            to_char(max(service_date) FILTER (WHERE kind IN ('coaching', 'final_rent_exit')),
              'YYYY-MM-DD') AS "lastQualifyingDate",
            to_char(min(service_date) FILTER (WHERE kind = 'housing_support'), 'YYYY-MM-DD')
              AS "firstHousingSupportDate",
            to_char(max(service_date) FILTER (WHERE kind = 'final_rent_exit'), 'YYYY-MM-DD')
              AS "finalRentExitDate"
     FROM record_services WHERE enrollment_id = $1 AND NOT deleted`,
    [enrollmentId],
  );
  return rows[0]!;
}
