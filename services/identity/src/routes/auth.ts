import { signAccessToken } from '@hearth/auth';
import { Problem, defineRoute, forbidden, unauthorized, type Api } from '@hearth/http';
import type { IdentityContext } from '../context';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  chooseMembership,
  loginAnswer,
  loginRequest,
} from '../domain/login';
import { verifyPassword } from '../domain/passwords';
import { forgetFailures, reserveAttempt } from '../store/login-failures';
import { clientAddress } from './client-address';
import { findCredentials } from '../store/users';

// One message for an unknown email, a wrong password and a disabled account: no user enumeration.
const WRONG_CREDENTIALS = 'The email or password is incorrect.';

const inMinutes = (seconds: number) => `${Math.ceil(seconds / 60)} minute(s)`;
const TOO_MANY: Record<'address_limit' | 'pair_limit' | 'delay', (seconds: number) => string> = {
  address_limit: (s) => `Too many failed logins from your address; try again in ${inMinutes(s)}.`,
  pair_limit: (s) =>
    `Too many failed logins for this email from your address; try again in ${inMinutes(s)}.`,
  delay: (s) => `Too many failed logins in a row; wait ${s} second(s) before the next try.`,
};

export function authRoutes(api: Api, ctx: IdentityContext) {
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
      const from = {
        email: body.email,
        address: clientAddress(req, ctx.config.TRUST_CLIENT_ADDRESS_HEADER),
      };
      const attempt = await reserveAttempt(ctx.pool, from);
      if (!attempt.allowed) {
        res.setHeader('Retry-After', String(attempt.retryAfterSeconds));
        throw new Problem(
          429,
          'Too Many Requests',
          TOO_MANY[attempt.reason](attempt.retryAfterSeconds),
        );
      }
      // The password is checked even when there is no such user, so both cost the same time.
      const user = await findCredentials(ctx.pool, body.email);
      const passwordMatches = await verifyPassword(user?.passwordHash, body.password);
      if (!user || !passwordMatches || user.disabled) throw unauthorized(WRONG_CREDENTIALS);
      await forgetFailures(ctx.pool, from);

      const choice = chooseMembership(user.memberships, body.organizationId);
      if (choice.kind === 'choose_one') {
        throw new Problem(
          422,
          'Unprocessable Content',
          'You belong to several organizations; log in again naming one.',
          [{ field: 'organizationId', message: 'Choose one of `organizations`' }],
          { organizations: choice.organizations },
        );
      }
      if (choice.kind === 'not_a_member')
        throw forbidden('You are not a member of that organization.');
      if (choice.kind === 'no_membership')
        throw forbidden(
          'Your account belongs to no organization now; accept an invitation with its emailed token.',
        );

      const { membership } = choice;
      const accessToken = signAccessToken(
        ctx.keys.current,
        {
          issuer: ctx.config.JWT_ISSUER,
          audience: ctx.config.JWT_AUDIENCE,
          ttlSeconds: ACCESS_TOKEN_TTL_SECONDS,
        },
        {
          userId: user.id,
          orgId: membership.organizationId,
          roles: membership.roles,
          name: user.name,
        },
      );
      res.setHeader('Cache-Control', 'no-store'); // a token must not sit in a shared cache
      return {
        accessToken,
        tokenType: 'Bearer' as const,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        organization: { id: membership.organizationId, name: membership.organizationName },
        roles: membership.roles,
      };
    },
  });
}
