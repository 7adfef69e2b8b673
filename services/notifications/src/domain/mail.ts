import type { NoticeKind } from './notice';

/** The notices mailed as well as shown (DOMAIN.md: placement "in-app and email"; the incoming referral). */
export const MAILED_KINDS: ReadonlySet<NoticeKind> = new Set(['placement', 'incoming_referral']);

const SENTENCES: Partial<Record<NoticeKind, { subject: string; sentence: string }>> = {
  placement: {
    subject: 'Hearth: a placement was accepted',
    sentence: 'A provider accepted a placement you referred.',
  },
  incoming_referral: {
    subject: 'Hearth: a new incoming referral',
    sentence: 'A new referral arrived for your organization.',
  },
};

/**
 * The mail of a notice: the reader's first name and a link, nothing about the client (a mail
 * leaves our access rules behind: whoever reads the inbox reads it). The link's service decides.
 */
export function mailOf(kind: NoticeKind, firstName: string, link: string) {
  const words = SENTENCES[kind];
  if (!words) return undefined;
  return {
    subject: words.subject,
    body: `Hello ${firstName},\n\n${words.sentence}\n\nOpen it in Hearth: ${link}\n`,
  };
}

const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;

/**
 * When a mail that failed `attempts` times is tried again: 30 s, 1 min, 2 min… doubling up to an
 * hour, and on forever (a mail is never dropped; an operator sees the queue's age).
 */
export function nextAttemptAt(failedAt: Date, attempts: number): Date {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return new Date(failedAt.getTime() + wait);
}
