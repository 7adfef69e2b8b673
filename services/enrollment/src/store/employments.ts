import type { Queryable } from '@hearth/db';
import type { employmentTypes } from '@hearth/events';

export interface EmploymentRecord {
  id: string;
  enrollmentId: string;
  participantId: string;
  orgId: string;
  startDate: string;
  endDate: string | null;
  employmentType: (typeof employmentTypes)[number];
  employer: string;
  naicsCode: string;
  naicsTitle: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PayEntry {
  id: string;
  effectiveDate: string;
  onetCode: string;
  onetTitle: string;
  hourlyPayCents: number;
  hoursPerWeek: number;
  benefits: string[];
  recordedAt: string;
}

const toEmployment = (r: Record<string, unknown>): EmploymentRecord => ({
  id: r.id as string,
  enrollmentId: r.enrollment_id as string,
  participantId: r.participant_id as string,
  orgId: r.org_id as string,
  startDate: r.start_date as string,
  endDate: r.end_date as string | null,
  employmentType: r.employment_type as EmploymentRecord['employmentType'],
  employer: r.employer as string,
  naicsCode: r.naics_code as string,
  naicsTitle: r.naics_title as string,
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});

export type NewEmployment = Omit<EmploymentRecord, 'version' | 'createdAt' | 'updatedAt'>;

export async function insertEmployment(
  tx: Queryable,
  e: NewEmployment,
  recordedBy: string,
): Promise<EmploymentRecord> {
  const { rows } = await tx.query(
    `INSERT INTO employments (id, enrollment_id, participant_id, org_id, start_date, end_date,
       employment_type, employer, naics_code, naics_title, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      e.id,
      e.enrollmentId,
      e.participantId,
      e.orgId,
      e.startDate,
      e.endDate,
      e.employmentType,
      e.employer,
      e.naicsCode,
      e.naicsTitle,
      recordedBy,
    ],
  );
  return toEmployment(rows[0]);
}

/** `lock` holds the job until the transaction ends, so a change and a new pay entry never race. */
export async function findEmployment(
  db: Queryable,
  enrollmentId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EmploymentRecord | undefined> {
  const { rows } = await db.query(
    `SELECT * FROM employments WHERE id = $1 AND enrollment_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [id, enrollmentId],
  );
  return rows[0] && toEmployment(rows[0]);
}

export async function employmentsOf(
  db: Queryable,
  enrollmentId: string,
): Promise<EmploymentRecord[]> {
  const { rows } = await db.query(
    'SELECT * FROM employments WHERE enrollment_id = $1 ORDER BY start_date, id',
    [enrollmentId],
  );
  return rows.map(toEmployment);
}

export type JobChanges = Partial<
  Pick<
    EmploymentRecord,
    'startDate' | 'endDate' | 'employmentType' | 'employer' | 'naicsCode' | 'naicsTitle'
  >
>;
const COLUMNS: Record<keyof JobChanges, string> = {
  startDate: 'start_date',
  endDate: 'end_date',
  employmentType: 'employment_type',
  employer: 'employer',
  naicsCode: 'naics_code',
  naicsTitle: 'naics_title',
};

/** Change the job's details; any change (a pay entry too) bumps the version. */
export async function updateEmployment(
  tx: Queryable,
  id: string,
  changes: JobChanges,
): Promise<EmploymentRecord> {
  const fields = (Object.keys(changes) as Array<keyof JobChanges>).filter(
    (k) => changes[k] !== undefined,
  );
  const sets = fields.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
  const { rows } = await tx.query(
    `UPDATE employments SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 RETURNING *`,
    [id, ...fields.map((k) => changes[k])],
  );
  return toEmployment(rows[0]);
}

const toPay = (r: Record<string, unknown>): PayEntry => ({
  id: r.id as string,
  effectiveDate: r.effective_date as string,
  onetCode: r.onet_code as string,
  onetTitle: r.onet_title as string,
  hourlyPayCents: r.hourly_pay_cents as number,
  hoursPerWeek: Number(r.hours_per_week),
  benefits: r.benefits as string[],
  recordedAt: (r.recorded_at as Date).toISOString(),
});

export async function insertPayEntry(
  tx: Queryable,
  employmentId: string,
  p: Omit<PayEntry, 'recordedAt'>,
  recordedBy: string,
): Promise<PayEntry> {
  const { rows } = await tx.query(
    `INSERT INTO employment_pay_entries (id, employment_id, effective_date, onet_code, onet_title,
       hourly_pay_cents, hours_per_week, benefits, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      p.id,
      employmentId,
      p.effectiveDate,
      p.onetCode,
      p.onetTitle,
      p.hourlyPayCents,
      p.hoursPerWeek,
      p.benefits,
      recordedBy,
    ],
  );
  return toPay(rows[0]);
}

/** Each job's pay entries, oldest effective date first. */
export async function payEntriesOf(
  db: Queryable,
  employmentIds: readonly string[],
): Promise<Map<string, PayEntry[]>> {
  const { rows } = await db.query(
    `SELECT * FROM employment_pay_entries WHERE employment_id = ANY($1::uuid[])
     ORDER BY effective_date, id`,
    [employmentIds],
  );
  const byJob = new Map<string, PayEntry[]>(employmentIds.map((id) => [id, []]));
  for (const r of rows) byJob.get(r.employment_id as string)?.push(toPay(r));
  return byJob;
}
