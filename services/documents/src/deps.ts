import type { ServiceContext } from '@hearth/runtime';
import type { DocumentsEnv } from './config';

/**
 * What every route module, use case, consumer and job of documents is given, built once in app.ts:
 * the runtime's context (config, logger, pool, broker, verify, readiness, metrics, clock). When the
 * service gets adapters of its own (adapters/: crypto, outbound clients), they join it here:
 * `interface DocumentsDeps extends ServiceContext<DocumentsEnv> { mailer: Mailer }`.
 */
export type DocumentsDeps = ServiceContext<DocumentsEnv>;
