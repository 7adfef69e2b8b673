import { join } from 'node:path';
import { busMigrations } from '@hearth/bus';
import type { MigrationSource } from '@hearth/db';

export const identityMigrations: MigrationSource = {
  scope: 'identity',
  dir: join(__dirname, '..', '..', 'migrations'),
};

/** Everything identity migrates, in order: the bus's outbox first (identity announces into it). */
export const identitySchema: MigrationSource[] = [busMigrations, identityMigrations];
