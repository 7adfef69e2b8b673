import { Problem, defineRoute, forbidden, unauthorized, type Api } from '@hearth/http';
import type { IdentityDeps } from '../deps';
import { ACCESS_TOKEN_TTL_SECONDS, loginAnswer, loginRequest } from '../domain/login';
import { logIn, type LoginOutcome } from '../use-cases/log-in';
import { clientAddress } from './client-address';

// One message for an unknown email, a wrong password and a disabled account: no user enumeration.
const WRONG_CREDENTIALS = 'The email or password is incorrect.';

const inMinutes = (seconds: number) => `${Math.ceil(seconds / 60)} minute(s)`;
const TOO_MANY: Record<'address_limit' | 'pair_limit' | 'delay', (seconds: number) => string> = {
  address_limit: (s) => `Too many failed logins from your address; try again in ${inMinutes(s)}.`,
  pair_limit: (s) =>
    `Too many failed logins for this email from your address; try again in ${inMinutes(s)}.`,
  delay: (s) => `Too many failed logins in a row; wait ${s} second(s) before the next try.`,
};

const refusal: Record<
  Exclude<LoginOutcome['kind'], 'logged_in' | 'throttled' | 'choose_one'>,
  () => Problem
> = {
  wrong_credentials: () => unauthorized(WRONG_CREDENTIALS),
  not_a_member: () => forbidden('You are not a member of that organization.'),
  no_membership: () =>
    forbidden(
      'Your account belongs to no organization now; accept an invitation with its emailed token.',
    ),
};

export function authRoutes(api: Api, deps: IdentityDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/auth/login',
    summary: 'Log in with email and password; get an access token for one organization',
    tag: 'auth',
    public: true,
    problems: [401], // wrong credentials: public, so not in the bearer-token statuses
    body: loginRequest,
    success: { status: 200, schema: loginAnswer },
    handler: async ({ body, req, res }) => {
      const address = clientAddress(req, deps.config.TRUST_CLIENT_ADDRESS_HEADER);
      const outcome = await logIn(deps, { ...body, address });
      if (outcome.kind === 'throttled') {
        res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
        throw new Problem(
          429,
          'Too Many Requests',
          TOO_MANY[outcome.reason](outcome.retryAfterSeconds),
        );
      }
      if (outcome.kind === 'choose_one')
        throw new Problem(
          422,
          'Unprocessable Content',
          'You belong to several organizations; log in again naming one.',
          [{ field: 'organizationId', message: 'Choose one of `organizations`' }],
          { organizations: outcome.organizations },
        );
      if (outcome.kind !== 'logged_in') throw refusal[outcome.kind]();
      res.setHeader('Cache-Control', 'no-store'); // a token must not sit in a shared cache
      return {
        accessToken: outcome.accessToken,
        tokenType: 'Bearer' as const,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        organization: outcome.organization,
        roles: outcome.roles,
      };
    },
  });
}
