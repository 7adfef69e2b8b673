import type { Actor } from '@hearth/access';
import { cursorCodec, notFound, uuid } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
import { z } from 'zod';
import type { NotificationsDeps } from '../deps';
import { linkOf } from '../domain/notice';
import { markAllRead, markRead, noticesOf, unreadCount, type NoticeRow } from '../store/notices';

export const noticeCursor = cursorCodec(
  z.strictObject({ createdAt: z.string().datetime(), id: uuid() }),
);

const shown = (row: NoticeRow) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  link: linkOf(row.recordType, row.recordId),
  participantId: row.participantId,
  createdAt: row.createdAt,
  readAt: row.readAt,
});

/**
 * The actor's notices, newest first, unread only or all; who each is about only when visible now.
 * About a person linked in intake: the notices of all their records to a reader who may see every
 * one of them, else this record's alone (libs/people); each row still needs its own record visible.
 */
export async function listNotices(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
  query: { status: 'unread' | 'all'; participantId?: string; limit: number; cursor?: string },
) {
  const now = deps.clock();
  const after = noticeCursor.decode(query.cursor);
  const about =
    query.participantId === undefined
      ? undefined
      : [
          query.participantId,
          ...(await recordsListedTogether(deps.pool, actor, query.participantId, now)).keys(),
        ];
  const rows = await noticesOf(deps.pool, actor, now, {
    unreadOnly: query.status === 'unread',
    about,
    after,
    limit: query.limit + 1,
  });
  const page = noticeCursor.page(rows, query.limit, (r) => ({ createdAt: r.createdAt, id: r.id }));
  return { items: page.items.map(shown), nextCursor: page.nextCursor };
}

export async function countUnread(deps: Pick<NotificationsDeps, 'pool'>, actor: Actor) {
  return { unread: await unreadCount(deps.pool, actor) };
}

/** Another reader's notice answers 404 like an unknown one. */
export async function readNotice(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
  noticeId: string,
) {
  if (!(await markRead(deps.pool, actor, noticeId, deps.clock()))) throw notFound('The notice');
}

export async function readAllNotices(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
) {
  return { marked: await markAllRead(deps.pool, actor, deps.clock()) };
}
