import type { ScheduledJob } from '@hearth/runtime';
import type { ReportingDeps } from '../deps';
import { runImports } from '../use-cases/run-imports';

/**
 * Scheduled work, each under an advisory lock named after the service and the job: with several
 * instances one at a time imports, so a `running` import it finds was left by a dead process.
 */
export function jobs(deps: ReportingDeps): ScheduledJob<ReportingDeps>[] {
  return [{ name: 'hmis-imports', everyMs: deps.config.HMIS_IMPORT_POLL_MS, run: runImports }];
}
