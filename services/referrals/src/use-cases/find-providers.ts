import { organizationOf } from '@hearth/directory';
import { cursorCodec, notFound, uuid } from '@hearth/http';
import { z } from 'zod';
import type { ReferralsDeps } from '../deps';
import { offersOf, providersOffering } from '../store/providers';

export const providerCursor = cursorCodec(
  z.strictObject({ name: z.string().max(300), orgId: uuid() }),
);

/** The organizations offering a referral service, by name, each with its contact for it. */
export async function findProviders(
  deps: Pick<ReferralsDeps, 'pool'>,
  query: { referralService: string; limit: number; cursor?: string },
) {
  const after = providerCursor.decode(query.cursor);
  const rows = await providersOffering(deps.pool, query.referralService, after, query.limit + 1);
  const page = providerCursor.page(rows, query.limit, (p) => ({ name: p.name, orgId: p.orgId }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ orgId, name, referralService, ...contact }) => ({
      orgId,
      name,
      referralService,
      contact,
    })),
  };
}

/** One organization of the directory and every referral service it offers. */
export async function showProvider(deps: Pick<ReferralsDeps, 'pool'>, orgId: string) {
  const org = await organizationOf(deps.pool, orgId);
  if (!org) throw notFound('The provider');
  return { orgId, name: org.name, offers: await offersOf(deps.pool, orgId) };
}
