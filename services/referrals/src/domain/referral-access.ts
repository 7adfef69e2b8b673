import type { ReferralStatus } from './referral-status';

/**
 * The statuses in which a referral grants its receiving organization a read of the participant
 * (README, "The receiver's access"): while it is pending or accepted, and once completed for the
 * record of what it provided. Rejected, withdrawn or deleted, the grant is over.
 */
export const GRANTING_STATUSES: readonly ReferralStatus[] = ['pending', 'accepted', 'completed'];

/**
 * May the actor's organization read this referral: only its two sides; the sender as far as the
 * participant's sharing lets it, the receiver through that sharing or this referral's own grant.
 */
export function referralReadable(
  actorOrgId: string,
  r: { fromOrgId: string; toOrgId: string; status: ReferralStatus },
  sharingAllows: boolean,
): boolean {
  if (r.toOrgId === actorOrgId) return sharingAllows || GRANTING_STATUSES.includes(r.status);
  return r.fromOrgId === actorOrgId && sharingAllows;
}
