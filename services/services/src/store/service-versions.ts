import type { Queryable } from '@hearth/db';
import type { ServiceRecord } from './services';

export type ServiceChange = 'edited' | 'deleted';

/** A version of a service as it stood until an edit or the delete replaced it. */
export interface ServiceVersion {
  version: number;
  change: ServiceChange;
  changedAt: string;
  changedBy: string;
  fields: Omit<ServiceRecord, 'id' | 'version' | 'orgId' | 'participantId' | 'createdAt'>;
}

/** Keep the version an edit or a delete is about to replace (in the transaction of the change). */
export async function keepVersion(
  db: Queryable,
  prior: ServiceRecord,
  change: ServiceChange,
  by: string,
  at: Date,
): Promise<void> {
  const { id, version, orgId: _o, participantId: _p, createdAt: _c, ...fields } = prior;
  await db.query(
    `INSERT INTO service_versions (service_id, version, change, changed_at, changed_by, fields)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, version, change, at, by, JSON.stringify(fields)],
  );
}

/** Every version a service had before its current one, oldest first. */
export async function versionsOf(db: Queryable, serviceId: string): Promise<ServiceVersion[]> {
  const { rows } = await db.query<ServiceVersion>(
    `SELECT version, change,
       to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "changedAt",
       changed_by AS "changedBy", fields
     FROM service_versions WHERE service_id = $1 ORDER BY version`,
    [serviceId],
  );
  return rows;
}
