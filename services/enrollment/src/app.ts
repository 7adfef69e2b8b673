import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { familyFactsConsumer, familyFactsMigrations } from '@hearth/families';
import { directoryConsumer, directoryMigrations } from '@hearth/directory';
import { createApp } from '@hearth/http';
import { peopleConsumer, peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { sharingFactsConsumer, sharingFactsMigrations } from '@hearth/sharing';
import type { EnrollmentEnv } from './config';
import type { EnrollmentDeps } from './deps';
import { hmisImportsConsumer } from './events/hmis-imports';
import { hmisProjectsConsumer } from './events/hmis-projects';
import { masterAssessmentsConsumer } from './events/master-assessments';
import { participantFactsConsumer } from './events/participants';
import { rentAssistanceConsumer } from './events/rent-assistance';
import { servicesConsumer } from './events/services';
import { annualAssessmentDueJob } from './jobs/annual-assessment-due';
import { autoExitJob } from './jobs/auto-exit';
import { eligibilityRoutes } from './routes/eligibility';
import { enrollmentRoutes } from './routes/enrollments';
import { credentialRoutes } from './routes/credentials';
import { employmentRoutes } from './routes/employments';
import { exitRoutes } from './routes/exits';
import { hmisAssessmentRoutes } from './routes/hmis-assessments';
import { hmisRequirementRoutes } from './routes/hmis-requirements';
import { memberRoutes } from './routes/members';
import { outcomeMeasureRoutes } from './routes/outcome-measures';
import { programRoutes } from './routes/programs';
import { registrationRoutes } from './routes/registration';
import { rentAssistanceRoutes } from './routes/rent-assistance';

/** Test switches; "now" comes from the runtime's clock (StartOptions.clock), as for every service. */
export interface EnrollmentOptions {
  /** Faster than AUTO_EXIT_EVERY_MS allows (at least a second), for the auto-exit test. */
  autoExitEveryMs?: number;
  /** Tests that are not about auto exit turn the job off, so it never exits their records. */
  autoExit?: boolean;
  /** The same for the "annual assessment due" announcement (hourly by default). */
  annualDue?: boolean;
  annualDueEveryMs?: number;
}

const HOUR_MS = 3_600_000;

export function enrollmentService(
  options: EnrollmentOptions = {},
): ServiceDefinition<EnrollmentEnv> {
  return {
    name: 'enrollment',
    migrationsDir: join(__dirname, '..', 'migrations'),
    // intake's families: who may join the head's enrollment, whose eligibility is listed
    // identity's users: the hub staff a Rent Assistance record is assigned to
    sharedMigrations: [
      accessAuditMigrations,
      sharingFactsMigrations,
      familyFactsMigrations,
      peopleMigrations, // intake's links of records as one person
      directoryMigrations,
    ],
    consumers: (deps) => [
      participantFactsConsumer,
      sharingFactsConsumer('enrollment.sharing-facts'),
      familyFactsConsumer('enrollment.families'),
      servicesConsumer(deps),
      // a linked person's enrollments listed together (libs/people)
      peopleConsumer('enrollment.people'),
      masterAssessmentsConsumer(deps),
      hmisImportsConsumer(deps),
      hmisProjectsConsumer(),
      rentAssistanceConsumer(deps),
      directoryConsumer('enrollment.directory'),
    ],
    jobs: (ctx) => [
      ...(options.autoExit === false
        ? []
        : [autoExitJob(options.autoExitEveryMs ?? ctx.config.AUTO_EXIT_EVERY_MS)]),
      ...(options.annualDue === false
        ? []
        : [annualAssessmentDueJob(options.annualDueEveryMs ?? HOUR_MS)]),
    ],
    app: (deps: EnrollmentDeps) =>
      createApp({
        service: 'enrollment',
        logger: deps.logger,
        readiness: deps.readiness,
        metrics: deps.metrics,
        authenticate: authenticate(deps.verify),
        routes: (api) => {
          programRoutes(api, deps);
          eligibilityRoutes(api, deps);
          enrollmentRoutes(api, deps);
          memberRoutes(api, deps);
          registrationRoutes(api, deps);
          exitRoutes(api, deps);
          employmentRoutes(api, deps);
          credentialRoutes(api, deps);
          outcomeMeasureRoutes(api, deps);
          hmisAssessmentRoutes(api, deps);
          hmisRequirementRoutes(api, deps);
          rentAssistanceRoutes(api, deps);
        },
      }),
  };
}

export const enrollment = enrollmentService();
