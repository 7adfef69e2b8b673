import type { ConsumerOptions } from '@hearth/bus';
import {
  ReferralCreated,
  ReferralDeleted,
  ReferralStatusChanged,
  ReferralWithdrawn,
  isEvent,
} from '@hearth/events';
import type { IntakeDeps } from '../deps';
import { endReleaseByReferral, releaseByReferral } from '../use-cases/release-by-referral';

/**
 * Referrals' word on a referral, for the release it makes to its receiver: created (v2, with the
 * released categories) grants it; withdrawn, rejected or deleted revokes it; accepted and
 * completed keep it. A v1 creation carries no categories and grants nothing.
 */
export function referralReleasesConsumer(
  deps: Pick<IntakeDeps, 'config' | 'clock'>,
): ConsumerOptions {
  return {
    queue: 'intake.referral-releases',
    eventTypes: [
      ReferralCreated.type,
      ReferralStatusChanged.type,
      ReferralWithdrawn.type,
      ReferralDeleted.type,
    ],
    handle: async (event, tx) => {
      if (isEvent(event, ReferralCreated)) return releaseByReferral(tx, deps, event, event.data);
      if (isEvent(event, ReferralWithdrawn) || isEvent(event, ReferralDeleted))
        return endReleaseByReferral(tx, deps, event, event.data);
      if (isEvent(event, ReferralStatusChanged) && event.data.status === 'rejected')
        return endReleaseByReferral(tx, deps, event, event.data);
    },
  };
}
