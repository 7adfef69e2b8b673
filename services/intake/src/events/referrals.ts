import type { ConsumerOptions } from '@hearth/bus';
import {
  ReferralCreated,
  ReferralDeleted,
  ReferralReleaseChanged,
  ReferralStatusChanged,
  ReferralWithdrawn,
  isEvent,
} from '@hearth/events';
import type { IntakeDeps } from '../deps';
import {
  endReleaseByReferral,
  followReferralEdit,
  releaseByReferral,
} from '../use-cases/release-by-referral';

/**
 * Referrals' word on a referral, for the release it makes to its receiver: created (v2, with the
 * released categories) grants it; an edit of the categories or the date moves it (none left
 * revokes it); withdrawn, rejected or deleted revokes it; accepted and completed keep it. A v1
 * creation carries no categories and grants nothing.
 */
export function referralReleasesConsumer(
  deps: Pick<IntakeDeps, 'config' | 'clock'>,
): ConsumerOptions {
  return {
    queue: 'intake.referral-releases',
    eventTypes: [
      ReferralCreated.type,
      ReferralReleaseChanged.type,
      ReferralStatusChanged.type,
      ReferralWithdrawn.type,
      ReferralDeleted.type,
    ],
    handle: async (event, tx) => {
      if (isEvent(event, ReferralCreated)) return releaseByReferral(tx, deps, event, event.data);
      if (isEvent(event, ReferralReleaseChanged))
        return followReferralEdit(tx, deps, event, event.data);
      if (isEvent(event, ReferralWithdrawn) || isEvent(event, ReferralDeleted))
        return endReleaseByReferral(tx, deps, event, event.data);
      if (isEvent(event, ReferralStatusChanged) && event.data.status === 'rejected')
        return endReleaseByReferral(tx, deps, event, event.data);
    },
  };
}
