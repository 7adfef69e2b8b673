import type { ServiceContext } from '@hearth/runtime';
import type { EnrollmentEnv } from './config';

/**
 * What enrollment's routes, use cases, consumers and jobs are given: the runtime's context
 * (config, logger, pool, broker, verify, readiness, metrics, clock). Enrollment has no adapters
 * of its own; "now" is always `deps.clock()`, so tests move it through StartOptions.clock.
 */
export type EnrollmentDeps = ServiceContext<EnrollmentEnv>;
