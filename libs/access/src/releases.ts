import { dateOf } from '@hearth/time';
import type { InformationRelease, ParticipantSharing } from './types';

/** Why a release does or does not share data right now; the order is best first (see below). */
type ReleaseState =
  'active' | 'release_not_started' | 'release_expired' | 'release_revoked' | 'release_invalid';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function releaseState(release: InformationRelease, now: Date): ReleaseState {
  // A revocation we cannot read still counts as one: never widen access on bad data.
  if (release.revokedAt != null) {
    const revokedAt = Date.parse(release.revokedAt);
    if (Number.isNaN(revokedAt) || revokedAt <= now.getTime()) return 'release_revoked';
  }
  const { beginDate, endDate } = release;
  // Dates compare as strings, which is only sound for YYYY-MM-DD.
  if (!ISO_DATE.test(String(beginDate)) || !ISO_DATE.test(String(endDate)))
    return 'release_invalid';
  const today = dateOf(now);
  if (today < beginDate) return 'release_not_started';
  if (today > endDate) return 'release_expired';
  return 'active'; // both ends inclusive: a release ending today still shares today
}

/** A release shares data from its begin date through its end date (UTC days) until revoked. */
export function isReleaseActive(release: InformationRelease, now: Date): boolean {
  return releaseState(release, now) === 'active';
}

// "Best" = closest to sharing: one not yet started will share by itself, an expired one can be
// renewed, a revoked one was withdrawn by the participant, an unreadable one tells nothing.
const BEST_FIRST: readonly ReleaseState[] = [
  'active',
  'release_not_started',
  'release_expired',
  'release_revoked',
  'release_invalid',
];

/** Only a release without a scope or with `full` lets its organization write: least privilege. */
const readsOnly = (release: InformationRelease) =>
  release.scope !== undefined && release.scope !== 'full';

/**
 * 'active' when `orgId` holds an active full release for this participant, 'active_read_only'
 * when its only active releases were made by referrals, else why not.
 */
export function releaseStatusFor(
  participant: ParticipantSharing,
  orgId: string,
  now: Date,
): ReleaseState | 'active_read_only' | 'no_release' {
  const states = participant.releases
    .filter((r) => r.toOrgId === orgId)
    .map((r) => {
      const state = releaseState(r, now);
      return state === 'active' && readsOnly(r) ? 'active_read_only' : state;
    });
  const best = ['active', 'active_read_only', ...BEST_FIRST.slice(1)] as const;
  return best.find((s) => states.includes(s)) ?? 'no_release';
}
