import type { Actor } from '@hearth/access';
import { notFound } from '@hearth/http';
import type { NotificationsDeps } from '../deps';
import { forgetMailAddress, mailAddressOf, saveMailAddress, type MailAddress } from '../store/mail';

/** Opting in: the notices mailed (placement, incoming referral) go to this address from now on. */
export async function setMailAddress(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
  address: MailAddress,
) {
  await saveMailAddress(deps.pool, actor, address, deps.clock());
  return address;
}

export async function readMailAddress(deps: Pick<NotificationsDeps, 'pool'>, actor: Actor) {
  const address = await mailAddressOf(deps.pool, actor);
  if (!address) throw notFound('Your mail address');
  return address;
}

/** Opting out; mail already queued still goes (it was due when it was queued). */
export async function removeMailAddress(deps: Pick<NotificationsDeps, 'pool'>, actor: Actor) {
  if (!(await forgetMailAddress(deps.pool, actor))) throw notFound('Your mail address');
}
