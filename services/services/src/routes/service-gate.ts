import { decideAccess, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { forbidden, notFound } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { findService, type ServiceRecord } from '../store/services';
import { participantFor } from './participant-gate';

/**
 * The service, when the actor may act on it: a service they may not read answers 404 like an
 * unknown one (the participant gate audits that denial); one they may read but not change (another
 * organization's, seen through a release) answers 403.
 */
export async function serviceFor(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  id: string,
  action: Action,
  opts: { withDeleted?: boolean } = {},
): Promise<ServiceRecord> {
  const found = await findService(deps.pool, id, opts);
  if (!found) throw notFound('The service');
  const now = deps.clock();
  const p = await participantFor(deps.pool, actor, found.participantId, 'read', now, 'The service');
  const ask = (a: Action) =>
    decideAccess({
      actor,
      participant: p.sharing,
      record: { orgId: found.orgId, restriction: 'none' },
      action: a,
      now,
    });
  if (!ask('read').allowed) throw notFound('The service');
  if (action !== 'read' && !ask(action).allowed)
    throw forbidden('Only the organization that recorded this service may change it.');
  return found;
}
