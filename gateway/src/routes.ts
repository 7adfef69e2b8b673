import type { GatewayEnv } from './config';

export type UpstreamName =
  | 'identity'
  | 'intake'
  | 'enrollment'
  | 'services'
  | 'referrals'
  | 'documents'
  | 'fssp'
  | 'rent_assistance'
  | 'notifications'
  | 'reporting';

/**
 * THE route table: the first path segment under /api/v1 names the owning service
 * (ARCHITECTURE.md, "API shape"). `/api/v1/participants/{id}/dashboard` will be answered by the
 * gateway itself (composition) and is matched before this table when it arrives.
 */
export const ROUTES: Record<string, UpstreamName> = {
  auth: 'identity',
  organizations: 'identity',
  users: 'identity',
  participants: 'intake',
  families: 'intake',
  releases: 'intake',
  workflows: 'intake',
  programs: 'enrollment',
  eligibility: 'enrollment',
  enrollments: 'enrollment',
  services: 'services',
  'service-types': 'services',
  'case-notes': 'services',
  'grade-promotions': 'services',
  referrals: 'referrals',
  providers: 'referrals',
  'housing-queue': 'referrals',
  vacancies: 'referrals',
  documents: 'documents',
  fssps: 'fssp',
  'rent-assistance': 'rent_assistance',
  notifications: 'notifications',
  audit: 'notifications',
  'help-tickets': 'notifications',
  reports: 'reporting',
  exports: 'reporting',
};

export function upstreamUrls(config: GatewayEnv): Partial<Record<UpstreamName, string>> {
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
