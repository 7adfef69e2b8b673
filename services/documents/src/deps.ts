import type { ServiceContext } from '@hearth/runtime';
import { mongoStore, type MongoStore } from './adapters/mongo';
import type { DocumentsEnv } from './config';

/**
 * What every route module, use case and job of documents is given: the runtime's context (config,
 * logger, pool for the sharing facts and the denial audit, broker, clock) and the MongoDB store
 * of the metadata and the content.
 */
export interface DocumentsDeps extends ServiceContext<DocumentsEnv> {
  mongo: MongoStore;
}

// One store per running service: app, jobs and shutdown are each handed the same context.
const stores = new WeakMap<ServiceContext<DocumentsEnv>, DocumentsDeps>();

export function depsOf(ctx: ServiceContext<DocumentsEnv>): DocumentsDeps {
  let deps = stores.get(ctx);
  if (!deps) {
    deps = { ...ctx, mongo: mongoStore(ctx.config.MONGO_URL) };
    ctx.readiness.mongo = deps.mongo.ping;
    stores.set(ctx, deps);
  }
  return deps;
}
