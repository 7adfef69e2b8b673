import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/access';
import { withTransaction } from '@hearth/db';
import { DocumentDeleted, DocumentUploaded, isEvent, type Envelope } from '@hearth/events';
import { conflict, cursorCodec, notFound, unprocessable, uuid } from '@hearth/http';
import type { Queryable } from '@hearth/db';
import { z } from 'zod';
import type { NotificationsDeps } from '../deps';
import { saveNotice } from '../store/notices';
import {
  answerTicket,
  closeTicket,
  insertTicket,
  isLiveDocumentOf,
  saveKnownDocument,
  ticketOf,
  ticketStatus,
  ticketsOf,
  type NewTicket,
  type TicketStatus,
} from '../store/help-tickets';

type Deps = Pick<NotificationsDeps, 'pool' | 'clock'>;

/** Documents' facts, kept so an attachment names a document of the reporter's organization. */
export async function keepDocument(event: Envelope, tx: Queryable) {
  if (isEvent(event, DocumentUploaded)) await saveKnownDocument(tx, event.data, false);
  if (isEvent(event, DocumentDeleted)) await saveKnownDocument(tx, event.data, true);
}

/**
 * A user reports an issue (the route has passed the participant gate when one is named). The
 * attachment must be a live document of their organization, about that participant when one is
 * named: an upload through the documents service, which keeps deciding who may download it.
 */
export async function reportIssue(deps: Deps, actor: Actor, ticket: NewTicket) {
  if (
    ticket.attachmentDocumentId &&
    !(await isLiveDocumentOf(
      deps.pool,
      ticket.attachmentDocumentId,
      actor.orgId,
      ticket.participantId,
    ))
  )
    throw unprocessable(
      'The attachment is not a document of your organization (upload it first).',
      [{ field: 'attachmentDocumentId', message: 'Not a live document of your organization' }],
    );
  const id = randomUUID();
  await insertTicket(deps.pool, id, actor, ticket, deps.clock());
  return ticketOf(deps.pool, actor, id, deps.clock());
}

export const ticketCursor = cursorCodec(
  z.strictObject({ createdAt: z.string().datetime(), id: uuid() }),
);

export async function listTickets(
  deps: Deps,
  actor: Actor,
  query: { status?: TicketStatus; limit: number; cursor?: string },
) {
  const after = ticketCursor.decode(query.cursor);
  const rows = await ticketsOf(deps.pool, actor, deps.clock(), {
    ...query,
    after,
    limit: query.limit + 1,
  });
  return ticketCursor.page(rows, query.limit, (r) => ({ createdAt: r.createdAt, id: r.id }));
}

/** A ticket its reporter or an admin of its organization reads; anyone else: 404. */
export async function readTicket(deps: Deps, actor: Actor, id: string, isAdmin: boolean) {
  const ticket = await ticketOf(deps.pool, actor, id, deps.clock());
  if (!ticket || (!isAdmin && ticket.reporterUserId !== actor.userId))
    throw notFound('The help ticket');
  return ticket;
}

const closedConflict = () =>
  conflict('The help ticket is closed.', [{ field: 'id', message: 'Closed tickets are final' }]);

/** An admin answers: the ticket and the reporter's notice commit together. */
export async function answerIssue(deps: Deps, admin: Actor, id: string, text: string) {
  const now = deps.clock();
  const answered = await withTransaction(deps.pool, async (tx) => {
    const reporter = await answerTicket(tx, admin.orgId, id, { text, by: admin.userId }, now);
    if (!reporter) return undefined;
    await saveNotice(
      tx,
      {
        orgId: admin.orgId,
        userId: reporter.reporterUserId,
        kind: 'help_ticket_answered',
        title: 'Your help ticket was answered',
        recordType: 'help_ticket',
        recordId: id,
        participantId: null,
        sourceEventId: randomUUID(), // each answer is its own notice
      },
      now,
    );
    return reporter;
  });
  if (!answered) {
    if ((await ticketStatus(deps.pool, admin.orgId, id)) === 'closed') throw closedConflict();
    throw notFound('The help ticket');
  }
  return ticketOf(deps.pool, admin, id, deps.clock());
}

export async function closeIssue(deps: Deps, admin: Actor, id: string) {
  if (!(await closeTicket(deps.pool, admin.orgId, id, deps.clock()))) {
    if ((await ticketStatus(deps.pool, admin.orgId, id)) === 'closed') throw closedConflict();
    throw notFound('The help ticket');
  }
  return ticketOf(deps.pool, admin, id, deps.clock());
}
