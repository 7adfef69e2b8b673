import { createHash } from 'node:crypto';
import type { NewNotice } from './notice';

/** "Hub staff have 45 days to accept the referral" from the application date (WRPD manual). */
export const REVIEW_WINDOW_DAYS = 45;
/** From this day after the application date the hub and the coach are reminded, once. */
export const REVIEW_NEARING_DAY = 38;

/** One id per (what, record, organization): the notice's source, so each is written once. */
export function onceId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const lastReviewDay = (applicationDate: string) => {
  const d = new Date(`${applicationDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + REVIEW_WINDOW_DAYS);
  return d.toISOString().slice(0, 10);
};

/** The reminders of a record's review nearing its 45 days: to the hub and to the coach's organization. */
export function reviewNearingNotices(r: {
  enrollmentId: string;
  participantId: string;
  coachOrgId: string;
  hubOrgId: string;
  applicationDate: string;
}): NewNotice[] {
  const orgs = [...new Set([r.hubOrgId, r.coachOrgId])];
  return orgs.map((orgId) => ({
    orgId,
    userId: null,
    kind: 'rent_assistance_review_nearing',
    title: `Rent-assistance referral to review by ${lastReviewDay(r.applicationDate)} (45 days from its application)`,
    recordType: 'rent_assistance_record',
    recordId: r.enrollmentId,
    participantId: r.participantId,
    sourceEventId: onceId('ra-review-nearing', r.enrollmentId, orgId),
  }));
}

/** The engagement check of a month is due by the 10th of the next (WRPD manual). */
export const ENGAGEMENT_DUE_DAY = 10;

/** The month whose engagement is overdue on `today` (after the 10th: the month before), if any. */
export function overdueEngagementMonth(today: string) {
  const [y, m, d] = today.split('-').map(Number);
  if (d <= ENGAGEMENT_DUE_DAY) return undefined;
  const lastDay = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return { year: m === 1 ? y - 1 : y, month: m === 1 ? 12 : m - 1, lastDay };
}

/** A record's missing engagement of one month: to the hub and the coach's organization, once. */
export function engagementMissingNotices(
  r: { enrollmentId: string; participantId: string; coachOrgId: string; hubOrgId: string },
  month: { year: number; month: number },
): NewNotice[] {
  const label = `${month.year}-${String(month.month).padStart(2, '0')}`;
  return [...new Set([r.hubOrgId, r.coachOrgId])].map((orgId) => ({
    orgId,
    userId: null,
    kind: 'rent_assistance_engagement_missing',
    title: `Rent-assistance engagement of ${label} not verified (due by the ${ENGAGEMENT_DUE_DAY}th)`,
    recordType: 'rent_assistance_record',
    recordId: r.enrollmentId,
    participantId: r.participantId,
    sourceEventId: onceId('ra-engagement-missing', r.enrollmentId, label, orgId),
  }));
}
