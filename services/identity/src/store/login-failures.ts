import { withTransaction, type Pool, type Queryable } from '@hearth/db';
import {
  LOGIN_FAILURE_WINDOW_SECONDS,
  throttleDecision,
  type FailureHistory,
  type ThrottleDecision,
} from '../domain/login-throttle';

// First key of the two-integer advisory locks that serialize attempts per client address (that
// key space is apart from the one-bigint lock the migrator takes).
const LOGIN_LOCK_CLASS = 4_147;

/**
 * Where attempts are counted from: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber's network, where a guesser has billions of addresses to step through).
 */
const NETWORK = `(CASE WHEN family($1::inet) = 6 AND NOT $1::inet <<= '::ffff:0:0/96'
  THEN network(set_masklen($1::inet, 64))::inet ELSE host($1::inet)::inet END)::text`;

/**
 * Counts a login attempt as failed before its password is checked (a correct one clears it
 * afterwards). Attempts from one address take turns under an advisory lock, so however many
 * guesses arrive at once, none slips past the delays and limits. Refused attempts are not stored:
 * hammering cannot grow the table. Times are the service's clock (`now`), stored with each failure.
 */
export async function reserveAttempt(
  pool: Pool,
  attempt: { email: string; address: string },
  now: Date,
): Promise<ThrottleDecision> {
  return withTransaction(pool, async (tx) => {
    const network = (await tx.query<{ n: string }>(`SELECT ${NETWORK} AS n`, [attempt.address]))
      .rows[0].n;
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOGIN_LOCK_CLASS, network]);
    await tx.query(
      'DELETE FROM login_failures WHERE failed_at < $2::timestamptz - make_interval(secs => $1)',
      [LOGIN_FAILURE_WINDOW_SECONDS, now],
    );
    const { rows } = await tx.query<FailureHistory>(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS "pairFailures",
              extract(epoch FROM $4::timestamptz - max(failed_at) FILTER (WHERE email = $1))::float8
                AS "secondsSinceLastPairFailure",
              extract(epoch FROM min(failed_at) FILTER (WHERE email = $1)
                + make_interval(secs => $3) - $4::timestamptz)::float8 AS "pairClearsInSeconds",
              count(*)::int AS "addressFailures",
              extract(epoch FROM min(failed_at) + make_interval(secs => $3) - $4::timestamptz)::float8
                AS "addressClearsInSeconds"
       FROM login_failures WHERE address = $2`,
      [attempt.email, network, LOGIN_FAILURE_WINDOW_SECONDS, now],
    );
    const decision = throttleDecision(rows[0]);
    if (decision.allowed)
      await tx.query('INSERT INTO login_failures (email, address, failed_at) VALUES ($1, $2, $3)', [
        attempt.email,
        network,
        now,
      ]);
    return decision;
  });
}

/** A correct password wipes this address's slate for the email: the owner's own typos do not count. */
export async function forgetFailures(
  db: Queryable,
  attempt: { email: string; address: string },
): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE email = $2 AND address = ${NETWORK}::inet`, [
    attempt.address,
    attempt.email,
  ]);
}
