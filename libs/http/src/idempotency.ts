import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { unprocessable, type Problem } from './problem';

/** The idempotency_keys table; a service that honours Idempotency-Key migrates it. */
export const idempotencyMigrations = {
  scope: 'idempotency',
  dir: join(__dirname, '..', 'migrations'),
};

/** How long a key's answer is kept: a retry after that is a new request, and the row is deleted. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** The header as a route declares it (`headers: idempotencyHeaders`): optional, 1..255 visible ASCII. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, '1 to 255 visible ASCII characters')
    .optional()
    .describe(
      `Send the same key to retry safely: the first answer is given again for ${IDEMPOTENCY_KEY_HOURS} h; the same key with another body is a 422`,
    ),
});

/** What the route sends and receives through this mechanism (a pg client fits). */
interface Sql {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface IdempotentRequest {
  /** keys are per actor: two users never share one */
  actorId: string;
  key: string | undefined;
  /** what the key promises to repeat: method, path and the parsed body */
  request: unknown;
}

export interface Answer<T> {
  status: number;
  body: T;
  /** true when this is the kept answer of an earlier request with the same key */
  replayed: boolean;
}

/** JSON with its object keys sorted, so one request always hashes the same. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/** What a key promises to repeat, as kept in `request_hash`. */
const requestHash = (request: unknown) =>
  createHash('sha256').update(canonical(request)).digest('hex');

/** The same key with another request: well-formed, but it breaks the key's promise. */
const keyReused = () =>
  unprocessable('This Idempotency-Key was used for another request.', [
    { field: 'Idempotency-Key', message: 'Already used with a different request; use a new key' },
  ]);

/** Keys at or past IDEMPOTENCY_KEY_HOURS at `now`: the ones `idempotently` would take afresh. */
const expiredAt = (now: Date) =>
  new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000).toISOString();

/**
 * Delete the keys that expired by `now` (a scheduled job calls it), `batch` rows per statement so
 * a large backlog never holds many row locks or one long transaction; answers how many went. A
 * key a retry is renewing meanwhile is either deleted first (the retry then inserts it afresh) or
 * renewed first (no longer expired, kept): both end as a new request would.
 */
export async function deleteExpiredIdempotencyKeys(
  db: Sql,
  now: Date,
  batch = 5000,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rows } = await db.query(
      `WITH gone AS (
         DELETE FROM idempotency_keys WHERE (actor_id, key) IN (
           SELECT actor_id, key FROM idempotency_keys WHERE created_at <= $1 LIMIT $2
           FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [expiredAt(now), batch],
    );
    const n = rows[0].n as number;
    deleted += n;
    if (n < batch) return deleted;
  }
}

/**
 * Run a write once per key, inside the caller's transaction `tx`: the key's row is taken first
 * (a concurrent retry blocks on its primary key until this transaction ends, then reads the kept
 * answer), the answer is kept in the same transaction, and a write that fails (throws) rolls the
 * row back so the key stays free. The same key with a different request is a 422: the request is
 * well-formed but breaks the key's promise (the Idempotency-Key draft, RFC 9110's 422).
 */
export async function idempotently<T>(
  tx: Sql,
  r: IdempotentRequest,
  now: Date,
  write: () => Promise<{ status: number; body: T }>,
): Promise<Answer<T>> {
  if (r.key === undefined) return { ...(await write()), replayed: false };
  const hash = requestHash(r.request);
  const expired = expiredAt(now);
  const { rows: claimed } = await tx.query(
    `INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (actor_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
       status = NULL, body = NULL, created_at = EXCLUDED.created_at
     WHERE idempotency_keys.created_at <= $5
     RETURNING 1`,
    [r.actorId, r.key, hash, now.toISOString(), expired],
  );
  if (!claimed.length) {
    const { rows } = await tx.query(
      'SELECT request_hash, status, body FROM idempotency_keys WHERE actor_id = $1 AND key = $2',
      [r.actorId, r.key],
    );
    const kept = rows[0] as { request_hash: string; status: number; body: T };
    if (kept.request_hash !== hash) throw keyReused();
    return { status: kept.status, body: kept.body, replayed: true };
  }
  const answer = await write();
  await tx.query(
    'UPDATE idempotency_keys SET status = $3, body = $4 WHERE actor_id = $1 AND key = $2',
    [r.actorId, r.key, answer.status, JSON.stringify(answer.body)],
  );
  return { ...answer, replayed: false };
}

/** One key of a batch as it stands once claimed: taken by this transaction, or answered before. */
export type KeyClaim<T> =
  | { claimed: true }
  | { claimed: false; status: number; body: T }
  | { claimed: false; refused: Problem };

/**
 * `idempotently` for many keys of one request at once (a batch whose rows carry their own keys),
 * in two statements. Each free (or expired) key is taken by `tx` with the answer it will keep if
 * its write is done (`answer`: known beforehand, such as the id the write will use), in key order
 * so two batches sharing keys wait for each other instead of deadlocking; every other key answers
 * what it kept, or its refusal when kept for another request. The caller frees the keys whose write
 * it refused (`releaseIdempotencyKeys`), as a rolled-back write would; nothing is visible to a
 * retry before the transaction commits. Keys must be distinct. Answers in the order of `requests`.
 */
export async function claimIdempotencyKeys<T>(
  tx: Sql,
  actorId: string,
  requests: ReadonlyArray<{ key: string; request: unknown; answer: { status: number; body: T } }>,
  now: Date,
): Promise<Array<KeyClaim<T>>> {
  const hashes = requests.map((r) => requestHash(r.request));
  // one JSON parameter: a text[]/jsonb[] one is escaped element by element, slow for thousands
  const claims = requests.map((r, i) => ({
    key: r.key,
    hash: hashes[i],
    status: r.answer.status,
    body: r.answer.body,
  }));
  const { rows: claimed } = await tx.query(
    `INSERT INTO idempotency_keys (actor_id, key, request_hash, status, body, created_at)
     SELECT $1, k.key, k.hash, k.status, k.body, $3
     FROM jsonb_to_recordset($2::jsonb) AS k (key text, hash text, status int, body jsonb)
     ORDER BY k.key
     ON CONFLICT (actor_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
       status = EXCLUDED.status, body = EXCLUDED.body, created_at = EXCLUDED.created_at
     WHERE idempotency_keys.created_at <= $4
     RETURNING key`,
    [actorId, JSON.stringify(claims), now.toISOString(), expiredAt(now)],
  );
  const taken = new Set(claimed.map((r) => r.key as string));
  const { rows: kept } = await tx.query(
    `SELECT key, request_hash, status, body FROM idempotency_keys
     WHERE actor_id = $1 AND key = ANY($2::text[])`,
    [actorId, requests.map((r) => r.key).filter((k) => !taken.has(k))],
  );
  const keptBy = new Map(kept.map((r) => [r.key as string, r]));
  return requests.map((r, i): KeyClaim<T> => {
    if (taken.has(r.key)) return { claimed: true };
    const k = keptBy.get(r.key)!;
    if (k.request_hash !== hashes[i]) return { claimed: false, refused: keyReused() };
    return { claimed: false, status: k.status as number, body: k.body as T };
  });
}

/** Claimed keys whose write was refused: free again, as if never sent. */
export async function releaseIdempotencyKeys(
  tx: Sql,
  actorId: string,
  keys: readonly string[],
): Promise<void> {
  if (!keys.length) return;
  await tx.query('DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = ANY($2::text[])', [
    actorId,
    keys,
  ]);
}
