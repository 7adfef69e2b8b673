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
import { findCredentials } from '../store/users';

// One message for an unknown email, a wrong password and a disabled account: no user enumeration.
const WRONG_CREDENTIALS = 'The email or password is incorrect.';

export function authRoutes(api: Api, ctx: IdentityContext) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/auth/login',
    summary: 'Log in with email and password; get an access token for one organization',
    tag: 'auth',
    public: true,
    body: loginRequest,
    success: { status: 200, schema: loginAnswer },
    handler: async ({ body, res }) => {
      const attempt = await reserveAttempt(ctx.pool, body.email);
      if (!attempt.allowed) {
        res.setHeader('Retry-After', String(attempt.retryAfterSeconds));
        throw new Problem(
          429,
          'Too Many Requests',
          `Too many failed logins for this email; try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minute(s).`,
        );
      }
      // The password is checked even when there is no such user, so both cost the same time.
      const user = await findCredentials(ctx.pool, body.email);
      const passwordMatches = await verifyPassword(user?.passwordHash, body.password);
      if (!user || !passwordMatches || user.disabled) throw unauthorized(WRONG_CREDENTIALS);
      await forgetFailures(ctx.pool, body.email);

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
        throw forbidden('Your account belongs to no organization yet; ask an administrator.');

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
