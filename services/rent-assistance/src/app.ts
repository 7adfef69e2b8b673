import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { directoryMigrations } from '@hearth/directory';
import { createApp, idempotencyMigrations } from '@hearth/http';
import { peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { sharingFactsMigrations } from '@hearth/sharing';
import type { RentAssistanceEnv } from './config';
import type { RentAssistanceDeps } from './deps';
import { consumers } from './events/consumers';
import { jobs } from './jobs/jobs';
import { aboutRoutes } from './routes/about';
import { budgetRoutes } from './routes/budgets';
import { engagementRoutes } from './routes/engagement';
import { paymentBatchRoutes } from './routes/payment-batch';
import { paymentExportRoutes } from './routes/payment-export';
import { paymentRoutes } from './routes/payments';
import { outcomeRoutes } from './routes/outcomes';
import { planRoutes } from './routes/plans';
import { recordRoutes } from './routes/records';
import { workforcePaymentRoutes } from './routes/workforce-payments';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const rentAssistance: ServiceDefinition<RentAssistanceEnv> = {
  name: 'rent-assistance',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited.
  // Identity's organizations (each hub's today).
  sharedMigrations: [
    accessAuditMigrations,
    sharingFactsMigrations,
    directoryMigrations,
    idempotencyMigrations, // Idempotency-Key on every payment write
    peopleMigrations, // intake's links of records as one person, listed together
  ],
  consumers,
  jobs,
  app: (ctx) => {
    const deps: RentAssistanceDeps = ctx;
    return createApp({
      service: 'rent-assistance',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      bodyLimit: '3mb', // a batch of 5,000 payments is about 2 MB
      routes: (api) => {
        aboutRoutes(api, deps);
        recordRoutes(api, deps);
        budgetRoutes(api, deps);
        engagementRoutes(api, deps);
        planRoutes(api, deps);
        outcomeRoutes(api, deps);
        paymentBatchRoutes(api, deps);
        paymentExportRoutes(api, deps);
        workforcePaymentRoutes(api, deps); // before /payments/:id
        paymentRoutes(api, deps);
      },
    });
  },
};
