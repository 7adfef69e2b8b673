import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

// argon2id with OWASP's baseline (19 MiB, 2 passes): memory-hard against GPUs, yet light enough
// that a burst of logins cannot exhaust the process's memory.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash, or against a dummy hash when there is no such user, so
 * an unknown email costs the same time as a wrong password and timing reveals no accounts.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
  const against = hash ?? (await dummyHash);
  const matches = await argon2.verify(against, password).catch(() => false);
  return hash !== undefined && matches;
}
