import { z } from 'zod';
import { actorOf, hasRole, requireRole } from '@hearth/auth';
import { defineRoute, emailAddress, idParams, page, pageQuery, uuid, type Api } from '@hearth/http';
import type { NotificationsDeps } from '../deps';
import {
  answerIssue,
  closeIssue,
  listTickets,
  readTicket,
  reportIssue,
} from '../use-cases/help-tickets';
import { participantFor } from './participant-gate';

const statuses = ['open', 'answered', 'closed'] as const;
const text = (max: number) => z.string().trim().min(1).max(max);
const newTicket = z.strictObject({
  summary: text(200),
  description: text(5000),
  email: emailAddress(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ().-]{7,25}$/, 'Digits, spaces, + ( ) . - only, 7 to 25 characters')
    .optional(),
  page: text(500).optional().describe('The page in focus when the issue was reported'),
  participantId: uuid()
    .optional()
    .describe('The participant in focus; you must be able to see them'),
  attachmentDocumentId: uuid().optional().describe('A document uploaded through /documents first'),
});
const ticket = z.object({
  id: uuid(),
  reporterUserId: uuid(),
  summary: z.string(),
  description: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  page: z.string().nullable(),
  participantId: uuid().nullable().describe('Null when you may not see the participant'),
  attachmentDocumentId: uuid().nullable(),
  status: z.enum(statuses),
  answer: z.string().nullable(),
  answeredBy: uuid().nullable(),
  answeredAt: z.string().datetime().nullable(),
  closedAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
});

/** Help tickets: anyone reports; the admins of the organization list, answer and close them. */
export function helpTicketRoutes(api: Api, deps: NotificationsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/help-tickets',
    summary: 'Report an issue from the page (and participant) in focus',
    tag: 'help-tickets',
    body: newTicket,
    success: { status: 201, schema: ticket },
    problems: [404, 422],
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      if (body.participantId)
        await participantFor(deps.pool, actor, body.participantId, 'read', deps.clock());
      const saved = await reportIssue(deps, actor, body);
      res.location(`/api/v1/help-tickets/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/help-tickets',
    summary: "Your organization's help tickets, newest first (admins)",
    tag: 'help-tickets',
    query: z.strictObject({ status: z.enum(statuses).optional(), ...pageQuery }),
    success: { status: 200, schema: page(ticket) },
    problems: [403],
    handler: ({ query, req }) => listTickets(deps, requireRole(req, 'admin'), query),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/help-tickets/:id',
    summary: 'One help ticket: its reporter or an admin of the organization reads it',
    tag: 'help-tickets',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: ticket },
    problems: [404],
    handler: ({ params, req }) => {
      const actor = actorOf(req);
      return readTicket(deps, actor, params.id, hasRole(actor, 'admin'));
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/help-tickets/:id/answer',
    summary: 'Answer a help ticket (admins); its reporter is notified',
    tag: 'help-tickets',
    params: idParams,
    body: z.strictObject({ answer: text(5000) }),
    success: { status: 200, schema: ticket },
    problems: [403, 404, 409],
    handler: ({ params, body, req }) =>
      answerIssue(deps, requireRole(req, 'admin'), params.id, body.answer),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/help-tickets/:id/close',
    summary: 'Close a help ticket (admins); a closed ticket is final',
    tag: 'help-tickets',
    params: idParams,
    success: { status: 200, schema: ticket },
    problems: [403, 404, 409],
    handler: ({ params, req }) => closeIssue(deps, requireRole(req, 'admin'), params.id),
  });
}
