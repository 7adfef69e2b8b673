import {
  conflict,
  defineRoute,
  unauthorized,
  unprocessable,
  Problem,
  type Api,
} from '@hearth/http';
import type { IdentityDeps } from '../deps';
import { acceptedView, tokenAcceptance } from '../domain/invitations';
import { clientAddress } from './client-address';
import {
  acceptInvitationToken,
  type TokenAcceptanceOutcome,
} from '../use-cases/accept-invitation-token';

const refusal: Record<
  Exclude<TokenAcceptanceOutcome['kind'], 'accepted' | 'incomplete' | 'throttled'>,
  () => Problem
> = {
  unknown_token: () =>
    unprocessable('This invitation is unknown, used, revoked or lapsed.', [
      { field: 'token', message: 'Not a pending invitation; ask the admin to invite you again' },
    ]),
  // The token holder owns the email: saying an account holds it tells them nothing new.
  wrong_password: () => unauthorized('An account holds this email; give its password.'),
  account_made_meanwhile: () =>
    conflict('An account was just made for this email; accept again with its password.', [
      { field: 'password', message: "The account's password" },
    ]),
};

/**
 * Public, like login: an invitee without an account has no token yet, and one whose account
 * belongs to no organization now cannot log in to accept in the app.
 */
export function invitationTokenRoutes(api: Api, deps: IdentityDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/auth/invitations/accept',
    summary:
      'Accept an invitation with its emailed token: a new account (name and a new password) or an existing one (its password) joins the organization',
    tag: 'auth',
    public: true,
    problems: [401], // wrong credentials: public, so not in the bearer-token statuses
    body: tokenAcceptance,
    success: { status: 201, schema: acceptedView },
    handler: async ({ body, req, res }) => {
      const address = clientAddress(req, deps.config.TRUST_CLIENT_ADDRESS_HEADER);
      const outcome = await acceptInvitationToken(deps, body, address);
      if (outcome.kind === 'accepted') {
        const { kind: _accepted, ...accepted } = outcome;
        return accepted;
      }
      if (outcome.kind === 'incomplete')
        throw unprocessable('A new account needs a name and a new password.', [
          { field: outcome.field, message: outcome.message },
        ]);
      if (outcome.kind === 'throttled') {
        res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
        throw new Problem(429, 'Too Many Requests', 'Too many wrong passwords from your address.');
      }
      throw refusal[outcome.kind]();
    },
  });
}
