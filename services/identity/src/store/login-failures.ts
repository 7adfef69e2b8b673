import { withTransaction, type Pool, type Queryable } from '@hearth/db';
import { LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_SECONDS } from '../domain/login';

// First key of the two-integer advisory locks that serialize attempts per email (that key space
// is apart from the one-bigint lock the migrator takes).
const LOGIN_LOCK_CLASS = 4_147;

/**
 * Counts a login attempt as failed before its password is checked (a correct one clears it
 * afterwards). Attempts for one email take turns under an advisory lock, so however many guesses
 * arrive at once, exactly LOGIN_FAILURE_LIMIT of them get to try a password within the window.
 * Refused attempts are not stored: hammering one email cannot grow the table.
 */
export async function reserveAttempt(
  pool: Pool,
  email: string,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  return withTransaction(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOGIN_LOCK_CLASS, email]);
    await tx.query(
      'DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $1)',
      [LOGIN_FAILURE_WINDOW_SECONDS],
    );
    // Seconds until the oldest failure leaves the window, by the database's clock like the rows.
    const { rows } = await tx.query<{ failures: number; retry_after: number | null }>(
      `SELECT count(*) AS failures,
              ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $2) - now()))::int
                AS retry_after
       FROM login_failures WHERE email = $1`,
      [email, LOGIN_FAILURE_WINDOW_SECONDS],
    );
    if (rows[0].failures >= LOGIN_FAILURE_LIMIT)
      return { allowed: false, retryAfterSeconds: Math.max(1, rows[0].retry_after ?? 1) };
    await tx.query('INSERT INTO login_failures (email) VALUES ($1)', [email]);
    return { allowed: true };
  });
}

/** A correct password wipes the slate: the user's own typos do not lock them out later. */
export async function forgetFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email = $1', [email]);
}
