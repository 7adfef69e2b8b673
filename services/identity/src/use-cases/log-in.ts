import { signAccessToken } from '@hearth/auth';
import { verifyPassword } from '../adapters/passwords';
import type { IdentityDeps } from '../deps';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  chooseMembership,
  type LoginRequest,
  type MembershipChoice,
} from '../domain/login';
import type { ThrottleDecision } from '../domain/login-throttle';
import type { Role } from '../domain/users';
import { forgetFailures, reserveAttempt } from '../store/login-failures';
import { findCredentials } from '../store/users';

type ThrottleReason = Extract<ThrottleDecision, { allowed: false }>['reason'];

export type LoginOutcome =
  | {
      kind: 'logged_in';
      accessToken: string;
      organization: { id: string; name: string };
      roles: Role[];
    }
  | { kind: 'throttled'; reason: ThrottleReason; retryAfterSeconds: number }
  | { kind: 'wrong_credentials' }
  | Exclude<MembershipChoice, { kind: 'chosen' }>;

/**
 * A password is tried only when the throttle allows one more from this address, and counted as
 * failed until it proves right. An unknown email, a wrong password and a disabled account are one
 * outcome: no user enumeration.
 */
export async function logIn(
  deps: Pick<IdentityDeps, 'pool' | 'clock' | 'keys' | 'config'>,
  request: LoginRequest & { address: string },
): Promise<LoginOutcome> {
  const from = { email: request.email, address: request.address };
  const attempt = await reserveAttempt(deps.pool, from, deps.clock());
  if (!attempt.allowed)
    return {
      kind: 'throttled',
      reason: attempt.reason,
      retryAfterSeconds: attempt.retryAfterSeconds,
    };
  // The password is checked even when there is no such user, so both cost the same time.
  const user = await findCredentials(deps.pool, request.email);
  const passwordMatches = await verifyPassword(user?.passwordHash, request.password);
  if (!user || !passwordMatches || user.disabled) return { kind: 'wrong_credentials' };
  await forgetFailures(deps.pool, from);

  const choice = chooseMembership(user.memberships, request.organizationId);
  if (choice.kind !== 'chosen') return choice;
  const { membership } = choice;
  const accessToken = signAccessToken(
    deps.keys.current,
    {
      issuer: deps.config.JWT_ISSUER,
      audience: deps.config.JWT_AUDIENCE,
      ttlSeconds: ACCESS_TOKEN_TTL_SECONDS,
    },
    {
      userId: user.id,
      orgId: membership.organizationId,
      roles: membership.roles,
      name: user.name,
    },
  );
  return {
    kind: 'logged_in',
    accessToken,
    organization: { id: membership.organizationId, name: membership.organizationName },
    roles: membership.roles,
  };
}
