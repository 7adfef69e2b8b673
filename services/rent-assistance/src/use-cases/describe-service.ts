import type { RentAssistanceDeps } from '../deps';
import { schemaVersion } from '../domain/schema';
import { appliedMigrations } from '../store/migrations';

/** The first use case: which migrations ran on this service's database, and what version that is. */
export async function describeService(deps: Pick<RentAssistanceDeps, 'pool'>) {
  const migrations = await appliedMigrations(deps.pool, 'rent-assistance');
  return { migrations, schemaVersion: schemaVersion(migrations) };
}
