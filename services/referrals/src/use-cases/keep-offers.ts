import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationOf } from '@hearth/directory';
import { conflict, forbidden, unprocessable } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { duplicateOfferProblems, type OffersBody } from '../domain/referral';
import { offersOf, replaceOffers, type Offer } from '../store/providers';

/**
 * A supervisor keeps the list of referral services their own organization offers, with whom to
 * contact for each; the list is replaced as a whole.
 */
export function keepOffers(
  deps: Pick<ReferralsDeps, 'pool' | 'clock'>,
  actor: Actor,
  orgId: string,
  body: OffersBody,
): Promise<Offer[]> {
  if (orgId !== actor.orgId || !actor.roles.includes('supervisor'))
    throw forbidden('Only a supervisor of the organization keeps its referral services.');
  const duplicates = duplicateOfferProblems(body.offers);
  if (duplicates.length) throw unprocessable('A referral service is listed twice.', duplicates);
  return withTransaction(deps.pool, async (tx) => {
    if (!(await organizationOf(tx, orgId)))
      throw conflict('Your organization has not reached the directory yet; try again shortly.');
    await replaceOffers(tx, orgId, body.offers, actor.userId, deps.clock());
    return offersOf(tx, orgId);
  });
}
