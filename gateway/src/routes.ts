import type { GatewayEnv } from './config';

export const UPSTREAM_NAMES = [
  'identity',
  'intake',
  'enrollment',
  'services',
  'referrals',
  'documents',
  'fssp',
  'rent_assistance',
  'notifications',
  'reporting',
] as const;
export type UpstreamName = (typeof UPSTREAM_NAMES)[number];

/**
 * THE route table: the first path segment under /api/v1 names the owning service
 * (ARCHITECTURE.md, "API shape"). A Map, so a segment such as `__proto__` matches nothing.
 *
 * Answered by the gateway itself, before this table (see `composedRoutes` in app.ts):
 *   GET /api/v1/participants/:id/dashboard   composition of intake, enrollment, services, … (later)
 */
export const ROUTES: ReadonlyMap<string, UpstreamName> = new Map<string, UpstreamName>([
  ['auth', 'identity'],
  ['organizations', 'identity'],
  ['users', 'identity'],
  ['participants', 'intake'],
  ['families', 'intake'],
  ['releases', 'intake'],
  ['workflows', 'intake'],
  ['programs', 'enrollment'],
  ['eligibility', 'enrollment'],
  ['enrollments', 'enrollment'],
  ['services', 'services'],
  ['service-types', 'services'],
  ['case-notes', 'services'],
  ['grade-promotions', 'services'],
  ['referrals', 'referrals'],
  ['providers', 'referrals'],
  ['housing-queue', 'referrals'],
  ['vacancies', 'referrals'],
  ['documents', 'documents'],
  ['fssps', 'fssp'],
  ['rent-assistance', 'rent_assistance'],
  ['notifications', 'notifications'],
  ['audit', 'notifications'],
  ['help-tickets', 'notifications'],
  ['reports', 'reporting'],
  ['exports', 'reporting'],
]);

/** The only API route reachable without a token (relative to /api/v1). */
export const LOGIN_PATH = '/auth/login';
/** Public too: someone invited without an account has no token yet. */
export const ACCEPT_INVITATION_PATH = '/auth/invitations/accept';
/** Identity's public keys, proxied without a token so clients and tools can verify tokens too. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** The owning service of a path under /api/v1 (`/participants/1?x` → intake), if any. */
export function upstreamOf(path: string): UpstreamName | undefined {
  return ROUTES.get(path.split('/')[1] ?? '');
}

export function upstreamUrls(config: GatewayEnv): Record<UpstreamName, string | undefined> {
  return {
    identity: config.IDENTITY_URL,
    intake: config.INTAKE_URL,
    enrollment: config.ENROLLMENT_URL,
    services: config.SERVICES_URL,
    referrals: config.REFERRALS_URL,
    documents: config.DOCUMENTS_URL,
    fssp: config.FSSP_URL,
    rent_assistance: config.RENT_ASSISTANCE_URL,
    notifications: config.NOTIFICATIONS_URL,
    reporting: config.REPORTING_URL,
  };
}
