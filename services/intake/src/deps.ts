import type { ServiceContext } from '@hearth/runtime';
import type { SsnCipher } from './adapters/ssn-cipher';
import type { IntakeEnv } from './config';

/**
 * Everything intake's routes, use cases and consumers are given, built once in app.ts: the
 * runtime's context (config, logger, pool, broker, verify, readiness, metrics, clock) and intake's
 * own adapters. "Now" is always `clock()`, so a test can move time.
 */
export interface IntakeDeps extends ServiceContext<IntakeEnv> {
  ssn: SsnCipher;
}

/** What a read or a gate needs: the pool and the clock. */
export type ReadDeps = Pick<IntakeDeps, 'pool' | 'clock'>;
