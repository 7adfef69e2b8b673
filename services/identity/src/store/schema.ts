import { join } from 'node:path';
import type { MigrationSource } from '@hearth/db';

export const identityMigrations: MigrationSource = {
  scope: 'identity',
  dir: join(__dirname, '..', '..', 'migrations'),
};

/** Postgres reports a duplicate key with SQLSTATE 23505; the store turns it into a domain answer. */
export const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: unknown } | null)?.code === '23505';
