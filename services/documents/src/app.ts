import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { directoryMigrations } from '@hearth/directory';
import { API_PREFIX, createApp } from '@hearth/http';
import { peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { sharingFactsMigrations } from '@hearth/sharing';
import type { DocumentsEnv } from './config';
import { depsOf } from './deps';
import { consumers } from './events/consumers';
import { jobs } from './jobs/jobs';
import { aboutRoutes } from './routes/about';
import { documentRoutes } from './routes/documents';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const documents: ServiceDefinition<DocumentsEnv> = {
  name: 'documents',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited;
  // identity's organizations (directory) give each its calendar ("not in the future").
  sharedMigrations: [
    accessAuditMigrations,
    sharingFactsMigrations,
    directoryMigrations,
    peopleMigrations, // intake's links of records as one person, listed together
  ],
  consumers: (ctx) => consumers(depsOf(ctx)),
  // The runtime hands jobs its context; ours run with the MongoDB store beside it.
  jobs: (ctx) => jobs(depsOf(ctx)).map((job) => ({ ...job, run: () => job.run(depsOf(ctx)) })),
  stop: (ctx) => depsOf(ctx).mongo.close(),
  app: (ctx) => {
    const deps = depsOf(ctx);
    return createApp({
      service: 'documents',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      // MongoDB first: unreachable, every route answers 503 at once, never a query left waiting
      root: (root) =>
        root.use(API_PREFIX, (_req, _res, next) => {
          deps.mongo.ready().then(() => next(), next);
        }),
      authenticate: authenticate(deps.verify),
      routes: (api) => {
        aboutRoutes(api, deps);
        documentRoutes(api, deps);
      },
    });
  },
};
