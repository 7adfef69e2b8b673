import type { EventActor } from '@hearth/events';
import { currentRequestId } from '@hearth/logging';

/**
 * Who an event is from, as the envelope carries it: the user (id and name, never roles or org
 * membership beyond the envelope's orgId) and the request it came from, so a log line can be
 * followed from HTTP into every consumer. Spread into createEvent's fields.
 */
export interface EventAuthor {
  actor: EventActor;
  requestId?: string;
}

export const authorOf = (user: { userId: string; name: string }): EventAuthor => {
  const requestId = currentRequestId();
  return { actor: { userId: user.userId, name: user.name }, ...(requestId ? { requestId } : {}) };
};

/** The system itself (a scheduled job such as auto exit), named for the history it leaves. */
export const systemAuthor = (name: string): EventAuthor => ({ actor: { userId: null, name } });
