import { actorOf } from '@hearth/auth';
import type { Api } from '@hearth/http';
import { workflowRoutes } from '@hearth/workflows';
import type { FsspDeps } from '../deps';
import { participantFor } from '../routes/participant-gate';
import { fsspCreation } from './fssp-creation';
import { fsspFollowUp } from './fssp-follow-up';

/** The FSSP's workflow types under /workflows/{type}/… (the gateway routes these types here). */
export function fsspWorkflowRoutes(api: Api, deps: FsspDeps) {
  workflowRoutes(api, deps.pool, {
    types: [fsspCreation(deps), fsspFollowUp(deps)],
    participantVisible: async (req, participantId) => {
      await participantFor(deps.pool, actorOf(req), participantId, 'read', deps.clock());
    },
  });
}
