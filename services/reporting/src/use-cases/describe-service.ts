import type { ReportingDeps } from '../deps';
import { schemaVersion } from '../domain/schema';
import { appliedMigrations } from '../store/migrations';

/** The first use case: which migrations ran on this service's database, and what version that is. */
export async function describeService(deps: Pick<ReportingDeps, 'pool'>) {
  const migrations = await appliedMigrations(deps.pool, 'reporting');
  return { migrations, schemaVersion: schemaVersion(migrations) };
}
