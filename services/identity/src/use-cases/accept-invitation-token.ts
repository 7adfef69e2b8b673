import { randomUUID } from 'node:crypto';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { tokenHash } from '../adapters/invitation-tokens';
import { hashPassword, verifyPassword } from '../adapters/passwords';
import type { IdentityDeps } from '../deps';
import { newAccountProblem, type TokenAcceptance } from '../domain/invitations';
import type { Role } from '../domain/users';
import { announceMember } from '../events/announce';
import { findPendingByToken, takeInvitation } from '../store/invitations';
import { forgetFailures, reserveAttempt } from '../store/login-failures';
import { addMembership, findCredentials, insertUser } from '../store/users';

export type TokenAcceptanceOutcome =
  | { kind: 'accepted'; userId: string; organizationId: string; roles: Role[] }
  | { kind: 'unknown_token' }
  | { kind: 'wrong_password' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'account_made_meanwhile' }
  | { kind: 'incomplete'; field: 'name' | 'password'; message: string };

/**
 * The invitee proves the email with the token sent to it. With an account, their password joins
 * it to the organization; without, the token makes the account. The invitation is taken in the
 * same transaction as the membership, so a token works once however many requests race; joining
 * is `identity.user.created` for that organization, in that transaction too.
 */
export async function acceptInvitationToken(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  body: TokenAcceptance,
  address: string,
): Promise<TokenAcceptanceOutcome> {
  const { pool, clock } = deps;
  const hash = tokenHash(body.token);
  const pending = await findPendingByToken(pool, hash, clock());
  if (!pending) return { kind: 'unknown_token' };
  const account = await findCredentials(pool, pending.email);
  let userId: string;
  let passwordHash: string | undefined;
  if (account) {
    // A leaked token must not become a way around the login throttle for the account's password.
    const attempt = { email: account.email, address };
    const allowed = await reserveAttempt(pool, attempt, clock());
    if (!allowed.allowed)
      return { kind: 'throttled', retryAfterSeconds: allowed.retryAfterSeconds };
    if (!(await verifyPassword(account.passwordHash, body.password)) || account.disabled)
      return { kind: 'wrong_password' };
    await forgetFailures(pool, attempt);
    userId = account.id;
  } else {
    const problem = newAccountProblem(body);
    if (problem) return { kind: 'incomplete', ...problem };
    userId = randomUUID();
    passwordHash = await hashPassword(body.password); // slow on purpose: outside the transaction
  }
  return withTransaction<TokenAcceptanceOutcome>(pool, async (tx) => {
    const invitation = await takeInvitation(tx, { tokenHash: hash }, clock());
    if (!invitation) return { kind: 'unknown_token' as const };
    if (passwordHash !== undefined) {
      const { email } = invitation;
      const created = await insertUser(tx, { id: userId, email, name: body.name!, passwordHash });
      // The email got an account since we looked (a twin request): roll back, ask for its password.
      if (created === 'email_taken') throw new AccountMadeMeanwhile();
    }
    if (await addMembership(tx, { ...invitation, userId }))
      await announceMember(
        tx,
        'created',
        { userId, orgId: invitation.orgId },
        {
          author: authorOf({ userId, name: account?.name ?? body.name! }),
          clock,
        },
      );
    return {
      kind: 'accepted' as const,
      userId,
      organizationId: invitation.orgId,
      roles: invitation.roles,
    };
  }).catch((err: unknown) => {
    if (err instanceof AccountMadeMeanwhile) return { kind: 'account_made_meanwhile' as const };
    throw err;
  });
}

class AccountMadeMeanwhile extends Error {}
