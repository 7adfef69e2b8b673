import type { Logger } from '@hearth/logging';

export interface InvitationMessage {
  email: string;
  organizationName: string;
  token: string;
  expiresAt: string;
}

/** Sends an invitation's token to its email: only the email's owner may hold it. */
export type InvitationDelivery = (message: InvitationMessage) => Promise<void>;

/**
 * Until the notifications service mails invitations, the log says one is waiting; the token
 * itself appears only in a demo (SEED_DEMO), where no real person is invited.
 */
export function loggedDelivery(logger: Logger, options: { revealToken: boolean }) {
  const delivery: InvitationDelivery = async ({ token, ...message }) => {
    logger.info(
      { ...message, ...(options.revealToken ? { demoToken: token } : {}) },
      'invitation waiting for delivery',
    );
  };
  return delivery;
}
