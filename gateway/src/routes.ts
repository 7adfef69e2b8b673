import {
  RESOURCE_OWNERS,
  SERVICES,
  WORKFLOWS,
  WORKFLOW_TYPE_OWNERS,
  urlVariableOf,
} from '@hearth/registry';
import type { GatewayEnv } from './config';

/** A service named in the registry (libs/registry); built or planned. */
export type UpstreamName = string;

/**
 * THE route table: the first path segment under /api/v1 names the owning service
 * (ARCHITECTURE.md, "API shape"), as the services registry lists them. A Map, so a segment such
 * as `__proto__` matches nothing.
 *
 * Answered by the gateway itself, before this table (see `composedRoutes` in app.ts):
 *   GET /api/v1/workflows                    every workflow owner's list of the user's drafts
 *   GET /api/v1/participants/:id/dashboard   intake's participant and every service's lists about them
 * /api/v1/workflows/{type}/… goes to the owner of the type (libs/registry `workflowTypes`).
 */
export const ROUTES: ReadonlyMap<string, UpstreamName> = RESOURCE_OWNERS;

/** The only API route reachable without a token (relative to /api/v1). */
export const LOGIN_PATH = '/auth/login';
/** Public too: someone invited without an account has no token yet. */
export const ACCEPT_INVITATION_PATH = '/auth/invitations/accept';
/** Identity's public keys, proxied without a token so clients and tools can verify tokens too. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** The owning service of a path under /api/v1 (`/participants/1?x` → intake), if any. */
export function upstreamOf(path: string): UpstreamName | undefined {
  const [, resource = '', second = ''] = path.split('/');
  if (resource === WORKFLOWS) return WORKFLOW_TYPE_OWNERS.get(second);
  return ROUTES.get(resource);
}

/** The paths the gateway answers itself (relative to /api/v1). */
export const COMPOSED_PATHS = new Set([`/${WORKFLOWS}`, `/${WORKFLOWS}/`]);

/** Each registered service's address from the config (`INTAKE_URL`, …); unset = not deployed. */
export function upstreamUrls(config: GatewayEnv): Record<UpstreamName, string | undefined> {
  const urls = config as unknown as Record<string, string | undefined>;
  return Object.fromEntries(SERVICES.map((s) => [s.name, urls[urlVariableOf(s.name)]]));
}
