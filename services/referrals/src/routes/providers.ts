import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, page, pageQuery, type Api } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { offersBody, referralService } from '../domain/referral';
import { findProviders, showProvider } from '../use-cases/find-providers';
import { keepOffers } from '../use-cases/keep-offers';

const contact = z.object({
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
const offer = contact.extend({ referralService: z.string() });
const provider = z.object({ orgId: z.string(), name: z.string(), offers: z.array(offer) });

/** The provider directory: identity's organizations and the referral services each offers. */
export function providerRoutes(api: Api, deps: ReferralsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/providers',
    summary: 'The organizations offering a referral service, by name, with whom to contact',
    tag: 'providers',
    query: z.strictObject({ referralService: referralService(), ...pageQuery }),
    success: {
      status: 200,
      schema: page(
        z.object({
          orgId: z.string(),
          name: z.string(),
          referralService: z.string(),
          contact,
        }),
      ),
    },
    handler: ({ query }) => findProviders(deps, query),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/providers/:id',
    summary: 'One organization of the directory and the referral services it offers',
    tag: 'providers',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: provider },
    handler: ({ params }) => showProvider(deps, params.id),
  });

  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/providers/:id/offers',
    summary: "Replace your organization's referral services and contacts (a supervisor)",
    tag: 'providers',
    params: idParams,
    body: offersBody,
    success: { status: 200, schema: z.object({ offers: z.array(offer) }) },
    handler: async ({ params, body, req }) => ({
      offers: await keepOffers(deps, actorOf(req), params.id, body),
    }),
  });
}
