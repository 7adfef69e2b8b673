import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, emailAddress, type Api } from '@hearth/http';
import type { NotificationsDeps } from '../deps';
import { readMailAddress, removeMailAddress, setMailAddress } from '../use-cases/mail-address';

const address = z.strictObject({
  email: emailAddress(),
  firstName: z.string().trim().min(1).max(100).describe('What the mail greets you by'),
});

/** Your address for the notices that are mailed too, per organization you work in. */
export function mailAddressRoutes(api: Api, deps: NotificationsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/notifications/mail-address',
    summary: 'Have your placement and incoming-referral notices mailed to this address',
    tag: 'notifications',
    body: address,
    success: { status: 200, schema: address },
    handler: ({ body, req }) => setMailAddress(deps, actorOf(req), body),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/notifications/mail-address',
    summary: 'The address your notices are mailed to; 404 when you have none',
    tag: 'notifications',
    query: z.strictObject({}),
    success: { status: 200, schema: address },
    problems: [404],
    handler: ({ req }) => readMailAddress(deps, actorOf(req)),
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/notifications/mail-address',
    summary: 'Stop mailing your notices; 404 when you had no address',
    tag: 'notifications',
    success: { status: 204 },
    problems: [404],
    handler: ({ req }) => removeMailAddress(deps, actorOf(req)),
  });
}
