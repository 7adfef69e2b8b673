/**
 * Brute-force guard for logins. Failures count per (email, client address): a stranger guessing
 * from elsewhere slows and then stops only their own attempts, never the owner's from another
 * address. A per-address cap stops one address from spraying guesses over many emails.
 */
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
/** Failures of one (email, address) that cost nothing: typos happen. */
export const FREE_FAILURES = 3;
/** Then this many within the window close that (email, address) until the oldest leaves it. */
export const PAIR_FAILURE_LIMIT = 10;
/** Failures from one address over all emails within the window (an office behind one NAT). */
export const ADDRESS_FAILURE_LIMIT = 100;

/** What the failures stored within the window say, in seconds by the database's clock. */
export interface FailureHistory {
  pairFailures: number;
  secondsSinceLastPairFailure: number | null;
  /** When the oldest failure of the pair leaves the window. */
  pairClearsInSeconds: number | null;
  addressFailures: number;
  addressClearsInSeconds: number | null;
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; reason: 'address_limit' | 'pair_limit' | 'delay'; retryAfterSeconds: number };

/** Wait after the n-th failure of a pair, past the free ones: 1 s, 2 s, 4 s, ... doubling. */
export function delayAfterFailures(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : 2 ** (failures - FREE_FAILURES - 1);
}

/** May one more password be tried now, and if not, how long until it may. */
export function throttleDecision(history: FailureHistory): ThrottleDecision {
  const wait = (seconds: number | null) => Math.max(1, Math.ceil(seconds ?? 1));
  if (history.addressFailures >= ADDRESS_FAILURE_LIMIT)
    return {
      allowed: false,
      reason: 'address_limit',
      retryAfterSeconds: wait(history.addressClearsInSeconds),
    };
  if (history.pairFailures >= PAIR_FAILURE_LIMIT)
    return {
      allowed: false,
      reason: 'pair_limit',
      retryAfterSeconds: wait(history.pairClearsInSeconds),
    };
  const delay = delayAfterFailures(history.pairFailures);
  const since = history.secondsSinceLastPairFailure ?? Infinity;
  if (since < delay)
    return { allowed: false, reason: 'delay', retryAfterSeconds: wait(delay - since) };
  return { allowed: true };
}
