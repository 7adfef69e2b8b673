import type { ServiceContext } from '@hearth/runtime';
import type { RentAssistanceEnv } from './config';

/**
 * What every route module, use case, consumer and job of rent-assistance is given, built once in app.ts:
 * the runtime's context (config, logger, pool, broker, verify, readiness, metrics, clock). When the
 * service gets adapters of its own (adapters/: crypto, outbound clients), they join it here:
 * `interface RentAssistanceDeps extends ServiceContext<RentAssistanceEnv> { mailer: Mailer }`.
 */
export type RentAssistanceDeps = ServiceContext<RentAssistanceEnv>;
