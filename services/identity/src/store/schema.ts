import { join } from 'node:path';
import type { MigrationSource } from '@hearth/db';

export const identityMigrations: MigrationSource = {
  scope: 'identity',
  dir: join(__dirname, '..', '..', 'migrations'),
};
