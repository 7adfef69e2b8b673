import type { ServicesDeps } from '../deps';
import { versionsOf } from '../store/service-versions';

/** A service's earlier versions, oldest first (the route has decided the actor may read it). */
export async function serviceHistory(deps: Pick<ServicesDeps, 'pool'>, serviceId: string) {
  return { items: await versionsOf(deps.pool, serviceId) };
}
