import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import { directoryMigrations } from '@hearth/directory';
import { familyFactsMigrations } from '@hearth/families';
import { peopleMigrations } from '@hearth/people';
import { sharingFactsMigrations } from '@hearth/sharing';
import type { ReportingEnv } from './config';
import type { ReportingDeps } from './deps';
import { consumers } from './events/consumers';
import { jobs } from './jobs/jobs';
import { aboutRoutes } from './routes/about';
import { contractOutcomeRoutes } from './routes/contract-outcomes';
import { dataQualityRoutes } from './routes/data-quality';
import { exportRoutes } from './routes/exports';
import { importRoutes } from './routes/imports';
import { participantRoutes } from './routes/participants';
import { rentAssistanceReportRoutes } from './routes/rent-assistance';
import { reportRoutes } from './routes/reports';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const reporting: ServiceDefinition<ReportingEnv> = {
  name: 'reporting',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited.
  sharedMigrations: [
    accessAuditMigrations,
    sharingFactsMigrations,
    directoryMigrations,
    familyFactsMigrations,
    peopleMigrations,
  ],
  consumers,
  jobs: (ctx) => jobs(ctx),
  app: (ctx) => {
    const deps: ReportingDeps = ctx;
    return createApp({
      service: 'reporting',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      routes: (api) => {
        aboutRoutes(api, deps);
        participantRoutes(api, deps);
        exportRoutes(api, deps);
        importRoutes(api, deps);
        reportRoutes(api, deps);
        dataQualityRoutes(api, deps);
        contractOutcomeRoutes(api, deps);
        rentAssistanceReportRoutes(api, deps);
      },
    });
  },
};
