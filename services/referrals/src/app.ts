import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { directoryMigrations } from '@hearth/directory';
import { createApp, idempotencyMigrations } from '@hearth/http';
import { peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { planGoalFactsMigrations } from '@hearth/plan-goals';
import { sharingFactsMigrations } from '@hearth/sharing';
import type { ReferralsEnv } from './config';
import type { ReferralsDeps } from './deps';
import { consumers } from './events/consumers';
import { jobs } from './jobs/jobs';
import { aboutRoutes } from './routes/about';
import { assessmentRoutes } from './routes/assessments';
import { housingQueueRoutes } from './routes/housing-queue';
import { providerRoutes } from './routes/providers';
import { referralRoutes } from './routes/referrals';
import { vacancyRoutes } from './routes/vacancies';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const referrals: ServiceDefinition<ReferralsEnv> = {
  name: 'referrals',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited.
  // Identity's organizations (directory): the providers, and each organization's calendar.
  // A referral retried with its Idempotency-Key answers what it answered the first time.
  sharedMigrations: [
    accessAuditMigrations,
    sharingFactsMigrations,
    directoryMigrations,
    planGoalFactsMigrations, // FSSP goals and barriers a referral may name
    idempotencyMigrations,
    peopleMigrations, // intake's links of records as one person, listed together
  ],
  consumers,
  jobs,
  app: (ctx) => {
    const deps: ReferralsDeps = ctx;
    return createApp({
      service: 'referrals',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      routes: (api) => {
        aboutRoutes(api, deps); // before /referrals/:id
        providerRoutes(api, deps);
        referralRoutes(api, deps);
        assessmentRoutes(api, deps); // coordinated entry
        housingQueueRoutes(api, deps);
        vacancyRoutes(api, deps);
      },
    });
  },
};
