import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  ReferralCreated,
  ReferralDeleted,
  ReferralOutcomeRecorded,
  ReferralReleaseChanged,
  ReferralStatusChanged,
  ReferralWithdrawn,
  createEvent,
  type EventDefinition,
} from '@hearth/events';
import type { ReferralCore } from '../store/referrals';

const factsOf = (r: ReferralCore) => ({
  referralId: r.id,
  participantId: r.participantId,
  fromOrgId: r.fromOrgId,
  fromUserId: r.fromUserId,
  toOrgId: r.toOrgId,
  referralService: r.referralService,
  referralDate: r.referralDate,
  status: r.status,
  version: r.version,
});

/**
 * Records a referral's event in the transaction of its change: ids, organizations, service and
 * status, never its comment or outcome text. The envelope's orgId is the actor's organization.
 */
export function announceReferral(
  tx: Queryable,
  definition:
    | typeof ReferralCreated
    | typeof ReferralReleaseChanged
    | typeof ReferralStatusChanged
    | typeof ReferralWithdrawn
    | typeof ReferralOutcomeRecorded
    | typeof ReferralDeleted,
  actor: Actor,
  referral: ReferralCore,
  // what the event adds to the facts (previous status, outcome date and result, released
  // categories); parsed by its schema
  extra: Record<string, string | readonly string[]> = {},
): Promise<void> {
  return recordEvent(
    tx,
    createEvent(definition as EventDefinition, {
      orgId: actor.orgId,
      ...authorOf(actor),
      data: { ...factsOf(referral), ...extra },
    }),
  );
}
