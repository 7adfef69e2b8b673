import type { ServiceContext } from '@hearth/runtime';
import type { ReportingEnv } from './config';

/**
 * What every route module, use case, consumer and job of reporting is given, built once in app.ts:
 * the runtime's context (config, logger, pool, broker, verify, readiness, metrics, clock). When the
 * service gets adapters of its own (adapters/: crypto, outbound clients), they join it here:
 * `interface ReportingDeps extends ServiceContext<ReportingEnv> { mailer: Mailer }`.
 */
export type ReportingDeps = ServiceContext<ReportingEnv>;
