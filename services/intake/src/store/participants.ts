import type { InformationRelease, ParticipantSharing, SharingColumns } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { ssnAnswer } from '../domain/ssn';
import type { ParticipantView } from '../domain/participant';
import type { ParticipantRecord } from '../domain/record';
import { canonicalFirstName, nameKey, normalizeName } from '../domain/names';

/** Column ↔ field, in one place; JSON columns are passed as JSON text. */
const COLUMNS: Array<[keyof ParticipantRecord, string, 'json'?]> = [
  ['id', 'id'],
  ['ownerOrgId', 'owner_org_id'],
  ['firstName', 'first_name'],
  ['middleName', 'middle_name'],
  ['lastName', 'last_name'],
  ['birthDate', 'birth_date'],
  ['sex', 'sex'],
  ['ssnCiphertext', 'ssn_ciphertext'],
  ['ssnKeyId', 'ssn_key_id'],
  ['ssnLast4', 'ssn_last4'],
  ['ssnRefused', 'ssn_refused'],
  ['alienNumber', 'alien_number'],
  ['email', 'email'],
  ['phones', 'phones', 'json'],
  ['addresses', 'addresses', 'json'],
  ['secondaryContact', 'secondary_contact', 'json'],
  ['race', 'race'],
  ['ethnicity', 'ethnicity'],
  ['primaryLanguage', 'primary_language'],
  ['immigration', 'immigration', 'json'],
  ['demographics', 'demographics', 'json'],
  ['securityRestriction', 'security_restriction'],
];
export const columnOf = new Map(COLUMNS.map(([field, column, kind]) => [field, { column, kind }]));

const toParam = (value: unknown, kind?: 'json') =>
  kind === 'json' && value !== null ? JSON.stringify(value) : value;

function toView(r: Record<string, unknown>): ParticipantView {
  const view = Object.fromEntries(
    COLUMNS.map(([field, column]) => [field, r[column]]),
  ) as unknown as ParticipantRecord;
  const { ssnCiphertext: _c, ssnKeyId: _k, ssnLast4, ssnRefused, ...rest } = view;
  return {
    ...rest,
    ssn: ssnAnswer(ssnLast4, ssnRefused),
    version: r.version as number,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

/** The matching keys every write keeps current (see store/matching.ts and domain/names.ts). */
const MATCH_KEYS = `first_norm = $1, last_norm = $2, first_canonical = $3, name_key = $4,
  first_phonetic = coalesce(dmetaphone($1), ''), last_phonetic = coalesce(dmetaphone($2), '')`;
const matchKeyParams = (firstName: string, lastName: string) => {
  const [first, last] = [normalizeName(firstName), normalizeName(lastName)];
  return [first, last, canonicalFirstName(first), nameKey(first, last)];
};

export async function insertParticipant(
  tx: Queryable,
  record: ParticipantRecord & { createdBy: string },
): Promise<ParticipantView> {
  const columns = [...COLUMNS.map(([, c]) => c), 'created_by'];
  const values = [...COLUMNS.map(([f, , kind]) => toParam(record[f], kind)), record.createdBy];
  await tx.query(
    `INSERT INTO participants (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
  return refreshMatchKeys(tx, record.id, record.firstName, record.lastName);
}

/** Write changed fields (storage form), bump the version, return the new view. */
export async function updateParticipant(
  tx: Queryable,
  id: string,
  changes: Partial<ParticipantRecord>,
): Promise<ParticipantView> {
  const entries = Object.entries(changes).filter(([f]) =>
    columnOf.has(f as keyof ParticipantRecord),
  );
  const sets = entries.map(
    ([f], i) => `${columnOf.get(f as keyof ParticipantRecord)!.column} = $${i + 2}`,
  );
  const params = entries.map(([f, v]) =>
    toParam(v, columnOf.get(f as keyof ParticipantRecord)!.kind),
  );
  const { rows } = await tx.query(
    `UPDATE participants SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING first_name, last_name`,
    [id, ...params],
  );
  return refreshMatchKeys(tx, id, rows[0].first_name, rows[0].last_name);
}

async function refreshMatchKeys(
  tx: Queryable,
  id: string,
  firstName: string,
  lastName: string,
): Promise<ParticipantView> {
  const { rows } = await tx.query(
    `UPDATE participants SET ${MATCH_KEYS} WHERE id = $5 RETURNING *`,
    [...matchKeyParams(firstName, lastName), id],
  );
  return toView(rows[0]);
}

/** The stored record (for updates: locked until the transaction ends). */
export async function lockParticipant(
  tx: Queryable,
  id: string,
): Promise<(ParticipantRecord & { version: number }) | undefined> {
  const { rows } = await tx.query('SELECT * FROM participants WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) return undefined;
  const record = Object.fromEntries(
    COLUMNS.map(([f, c]) => [f, rows[0][c]]),
  ) as unknown as ParticipantRecord;
  return { ...record, version: rows[0].version };
}

/** The participant with what the access rules need to decide who may see it. */
/** Where intake keeps the sharing facts (participants as `p`), for `visibleToSql`. */
export const intakeSharing: SharingColumns = {
  participantId: 'p.id',
  ownerOrgId: 'p.owner_org_id',
  restriction: 'p.security_restriction',
  releasesTable: 'information_releases',
};

export async function findParticipant(
  db: Queryable,
  id: string,
): Promise<{ view: ParticipantView; sharing: ParticipantSharing } | undefined> {
  const { rows } = await db.query('SELECT * FROM participants WHERE id = $1', [id]);
  if (!rows[0]) return undefined;
  const view = toView(rows[0]);
  return {
    view,
    sharing: {
      ownerOrgId: view.ownerOrgId,
      restriction: view.securityRestriction,
      releases: await releasesOf(db, [id]).then((m) => m.get(id) ?? []),
    },
  };
}

/** Releases for several participants at once, for access decisions over a list. */
export async function releasesOf(
  db: Queryable,
  ids: string[],
): Promise<Map<string, InformationRelease[]>> {
  const { rows } = await db.query<{
    participant_id: string;
    to_org_id: string;
    begin_date: string;
    end_date: string;
    revoked_at: Date | null;
    scope: 'full' | 'referral';
  }>(
    'SELECT participant_id, to_org_id, begin_date, end_date, revoked_at, scope FROM information_releases WHERE participant_id = ANY($1::uuid[])',
    [ids],
  );
  const byParticipant = new Map<string, InformationRelease[]>();
  for (const r of rows) {
    const list = byParticipant.get(r.participant_id) ?? [];
    list.push({
      toOrgId: r.to_org_id,
      beginDate: r.begin_date,
      endDate: r.end_date,
      revokedAt: r.revoked_at?.toISOString() ?? null,
      scope: r.scope,
    });
    byParticipant.set(r.participant_id, list);
  }
  return byParticipant;
}

export { toView as participantViewOfRow };
