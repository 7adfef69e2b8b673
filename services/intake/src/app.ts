import { join } from 'node:path';
import { actorOf, authenticate } from '@hearth/auth';
import { accessAuditMigrations } from '@hearth/access';
import { createApp } from '@hearth/http';
import type { ServiceContext, ServiceDefinition } from '@hearth/runtime';
import { workflowMigrations, workflowRoutes } from '@hearth/workflows';
import { participantFor } from './access';
import { SsnCipher } from './adapters/ssn-cipher';
import type { IntakeEnv } from './config';
import type { IntakeDeps } from './deps';
import { hmisImportsConsumer } from './events/hmis-imports';
import { referralReleasesConsumer } from './events/referrals';
import { jobs } from './jobs/jobs';
import { duplicateRoutes } from './routes/duplicates';
import { familyRoutes } from './routes/families';
import { linkRoutes } from './routes/links';
import { participantRoutes } from './routes/participants';
import { searchRoutes } from './routes/search';
import { sharingRoutes } from './routes/sharing';
import { intakeWorkflowTypes } from './workflows';

export const intake: ServiceDefinition<IntakeEnv> = {
  name: 'intake',
  migrationsDir: join(__dirname, '..', 'migrations'),
  sharedMigrations: [accessAuditMigrations, workflowMigrations],
  // A referral's word grants or revokes the read-only release to its receiver; an HMIS import's
  // clients become participants (matched, maybe linked).
  consumers: (ctx) => [referralReleasesConsumer(ctx), hmisImportsConsumer(intakeDeps(ctx))],
  // The duplicate scan over existing records (issue 18).
  jobs: () => jobs(),
  app: (ctx) => {
    const deps = intakeDeps(ctx);
    return createApp({
      service: 'intake',
      logger: ctx.logger,
      readiness: ctx.readiness,
      authenticate: authenticate(ctx.verify),
      routes: (api) => {
        searchRoutes(api, deps);
        // before /participants/:id, whose id would refuse these words
        duplicateRoutes(api, deps);
        linkRoutes(api, deps);
        participantRoutes(api, deps);
        sharingRoutes(api, deps);
        familyRoutes(api, deps);
        workflowRoutes(api, deps.pool, {
          types: intakeWorkflowTypes(deps),
          participantVisible: async (req, id) => {
            await participantFor(deps, actorOf(req), id, 'read');
          },
        });
      },
    });
  },
};

function intakeDeps(ctx: ServiceContext<IntakeEnv>): IntakeDeps {
  return { ...ctx, ssn: new SsnCipher(ctx.config.SSN_KEYS, ctx.config.SSN_ACTIVE_KEY_ID) };
}
