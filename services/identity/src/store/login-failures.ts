import type { Queryable } from '@hearth/db';
import { LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_SECONDS } from '../domain/login';

/**
 * Counts a login attempt as failed before the password is checked, then looks at the window.
 * Recording first makes concurrent guesses count each other: however many arrive at once, at most
 * LOGIN_FAILURE_LIMIT of them get to try a password. A refused attempt removes its own row, so an
 * attacker hammering one email cannot grow the table.
 */
export async function reserveAttempt(
  db: Queryable,
  email: string,
): Promise<{ allowed: true } | { allowed: false; oldestFailure: Date }> {
  const inserted = await db.query<{ id: string }>(
    `WITH expired AS (
       DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $2)
     )
     INSERT INTO login_failures (email) VALUES ($1) RETURNING id`,
    [email, LOGIN_FAILURE_WINDOW_SECONDS],
  );
  const { rows } = await db.query<{ failures: number; oldest: Date }>(
    `SELECT count(*) AS failures, min(failed_at) AS oldest FROM login_failures
     WHERE email = $1 AND failed_at >= now() - make_interval(secs => $2)`,
    [email, LOGIN_FAILURE_WINDOW_SECONDS],
  );
  if (rows[0].failures <= LOGIN_FAILURE_LIMIT) return { allowed: true };
  await db.query('DELETE FROM login_failures WHERE id = $1', [inserted.rows[0].id]);
  return { allowed: false, oldestFailure: rows[0].oldest };
}

/** A correct password wipes the slate: the user's own typos do not lock them out later. */
export async function forgetFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email = $1', [email]);
}
