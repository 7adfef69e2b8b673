import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, page, pageQuery, uuid, type Api } from '@hearth/http';
import type { NotificationsDeps } from '../deps';
import { noticeKinds, recordTypes } from '../domain/notice';
import { countUnread, listNotices, readAllNotices, readNotice } from '../use-cases/read-notices';

const notice = z.object({
  id: uuid(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  link: z.object({ recordType: z.enum(recordTypes), recordId: uuid(), href: z.string() }),
  participantId: uuid()
    .nullable()
    .describe("Null when the participant's sharing does not let you see them (now)"),
  createdAt: z.string().datetime(),
  readAt: z.string().datetime().nullable(),
});

/** The bell: the notices addressed to you or to your whole organization. */
export function noticeRoutes(api: Api, deps: NotificationsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/notifications',
    summary: 'Your notices and your organization’s, newest first: unread (default) or all',
    tag: 'notifications',
    query: z.strictObject({
      status: z.enum(['unread', 'all']).default('unread'),
      participantId: uuid()
        .optional()
        .describe('Only the notices about this participant, when you may see them now'),
      ...pageQuery,
    }),
    success: { status: 200, schema: page(notice) },
    handler: ({ query, req }) => listNotices(deps, actorOf(req), query),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'How many of your notices you have not read (the bell)',
    tag: 'notifications',
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ unread: z.number().int().min(0) }) },
    handler: ({ req }) => countUnread(deps, actorOf(req)),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark every notice you have read',
    tag: 'notifications',
    success: { status: 200, schema: z.object({ marked: z.number().int().min(0) }) },
    handler: ({ req }) => readAllNotices(deps, actorOf(req)),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'Mark one of your notices read; another reader’s notice answers 404',
    tag: 'notifications',
    params: idParams,
    success: { status: 204 },
    problems: [404],
    handler: async ({ params, req }) => readNotice(deps, actorOf(req), params.id),
  });
}
