import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { directoryMigrations } from '@hearth/directory';
import { familyFactsMigrations } from '@hearth/families';
import { createApp, idempotencyMigrations } from '@hearth/http';
import { peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { sharingFactsMigrations } from '@hearth/sharing';
import { workflowMigrations } from '@hearth/workflows';
import type { FsspEnv } from './config';
import type { FsspDeps } from './deps';
import { consumers } from './events/consumers';
import { jobs } from './jobs/jobs';
import { aboutRoutes } from './routes/about';
import { goalRoutes } from './routes/goals';
import { planRoutes } from './routes/plans';
import { printRoutes } from './routes/print';
import { fsspWorkflowRoutes } from './workflows';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const fssp: ServiceDefinition<FsspEnv> = {
  name: 'fssp',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited.
  // Identity's organizations (today on their calendar); intake's families (a plan's members).
  sharedMigrations: [
    accessAuditMigrations,
    sharingFactsMigrations,
    directoryMigrations,
    familyFactsMigrations,
    workflowMigrations, // drafts of creating an FSSP and of its follow-ups
    idempotencyMigrations, // the kept answers of retried POSTs (Idempotency-Key)
    peopleMigrations, // intake's links of records as one person (libs/people)
  ],
  consumers,
  jobs,
  app: (ctx) => {
    const deps: FsspDeps = ctx;
    return createApp({
      service: 'fssp',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      routes: (api) => {
        aboutRoutes(api, deps);
        planRoutes(api, deps); // after about: /fssps/about before /fssps/:id
        goalRoutes(api, deps);
        printRoutes(api, deps);
        fsspWorkflowRoutes(api, deps);
      },
    });
  },
};
