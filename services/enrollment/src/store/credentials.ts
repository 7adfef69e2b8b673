import type { Queryable } from '@hearth/db';
import type { credentialStatuses, credentialTypes } from '@hearth/events';

export interface CredentialRecord {
  id: string;
  enrollmentId: string;
  participantId: string;
  orgId: string;
  credentialDate: string;
  credentialType: (typeof credentialTypes)[number];
  name: string;
  status: (typeof credentialStatuses)[number];
  documentation: string;
  relatedServiceId: string | null;
  recordedBy: { userId: string; name: string };
  recordedAt: string;
}

const toCredential = (r: Record<string, unknown>): CredentialRecord => ({
  id: r.id as string,
  enrollmentId: r.enrollment_id as string,
  participantId: r.participant_id as string,
  orgId: r.org_id as string,
  credentialDate: r.credential_date as string,
  credentialType: r.credential_type as CredentialRecord['credentialType'],
  name: r.name as string,
  status: r.status as CredentialRecord['status'],
  documentation: r.documentation as string,
  relatedServiceId: r.related_service_id as string | null,
  recordedBy: { userId: r.recorded_by as string, name: r.recorded_by_name as string },
  recordedAt: (r.recorded_at as Date).toISOString(),
});

export async function insertCredential(
  tx: Queryable,
  c: Omit<CredentialRecord, 'recordedAt'>,
): Promise<CredentialRecord> {
  const { rows } = await tx.query(
    `INSERT INTO credentials (id, enrollment_id, participant_id, org_id, credential_date,
       credential_type, name, status, documentation, related_service_id, recorded_by, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      c.id,
      c.enrollmentId,
      c.participantId,
      c.orgId,
      c.credentialDate,
      c.credentialType,
      c.name,
      c.status,
      c.documentation,
      c.relatedServiceId,
      c.recordedBy.userId,
      c.recordedBy.name,
    ],
  );
  return toCredential(rows[0]);
}

export async function credentialsOf(
  db: Queryable,
  enrollmentId: string,
): Promise<CredentialRecord[]> {
  const { rows } = await db.query(
    'SELECT * FROM credentials WHERE enrollment_id = $1 ORDER BY credential_date, id',
    [enrollmentId],
  );
  return rows.map(toCredential);
}
