import type { FieldError } from '@hearth/http';

/** A referral's life (DOMAIN.md, "Referrals and coordinated entry"). */
export const REFERRAL_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'withdrawn',
  'completed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Which side of a referral an actor's organization is on; neither side changes nothing. */
export type ReferralSide = 'sender' | 'receiver' | 'neither';

/** Open referrals still hold what they ask for: a queue entry's turn, a vacancy's reservation. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['pending', 'accepted'];

/**
 * The moves a referral may make, and which side makes each: the receiving organization answers
 * (accepts, rejects, completes what it accepted); the sender may only take it back while it is
 * open. Rejected, withdrawn and completed are final.
 */
const MOVES: Readonly<Record<ReferralStatus, Partial<Record<ReferralStatus, ReferralSide>>>> = {
  pending: { accepted: 'receiver', rejected: 'receiver', withdrawn: 'sender' },
  accepted: { completed: 'receiver', withdrawn: 'sender' },
  rejected: {},
  withdrawn: {},
  completed: {},
};

/** Which side makes the move from `from` to `to`; undefined when no one may. */
export function moverOf(from: ReferralStatus, to: ReferralStatus): ReferralSide | undefined {
  return MOVES[from][to];
}

export function sideOf(
  actorOrgId: string,
  r: { fromOrgId: string; toOrgId: string },
): ReferralSide {
  if (r.toOrgId === actorOrgId) return 'receiver';
  if (r.fromOrgId === actorOrgId) return 'sender';
  return 'neither';
}

/**
 * Whether `side` may move a referral from `from` to `to`: no problems, or the one that says why
 * not (on the field `status`). A referral to one's own organization is both sides at once: the
 * receiver's moves win, as that is who answers it.
 */
export function statusChangeProblems(
  from: ReferralStatus,
  to: ReferralStatus,
  side: ReferralSide,
): FieldError[] {
  if (from === to) return [{ field: 'status', message: `The referral is already ${to}` }];
  const who = MOVES[from][to];
  if (!who) return [{ field: 'status', message: `A ${from} referral cannot become ${to}` }];
  if (who !== side)
    return [
      {
        field: 'status',
        message:
          who === 'receiver'
            ? 'Only the receiving organization answers a referral'
            : 'Only the sending organization withdraws a referral',
      },
    ];
  return [];
}
