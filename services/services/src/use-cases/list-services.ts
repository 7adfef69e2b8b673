import { decideAccess, type ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
import { z } from 'zod';
import type { ServicesDeps } from '../deps';
import { servicesOf, type ServiceRecord } from '../store/services';

export const serviceCursor = cursorCodec(z.strictObject({ serviceDate: isoDate(), id: uuid() }));

/**
 * May the actor read this record (a service, a grade promotion) of a participant they can see?
 * Each record decides for itself, by the organization that recorded it.
 */
export const canReadService = (
  actor: Actor,
  sharing: ParticipantSharing,
  s: Pick<ServiceRecord, 'orgId'>,
  now: Date,
) =>
  decideAccess({
    actor,
    participant: sharing,
    record: { orgId: s.orgId, restriction: 'none' },
    action: 'read',
    now,
  }).allowed;

/**
 * A participant's services, newest service date first, each item passing the access decision of
 * its own record. A person linked in intake lists the services of all their records together to
 * an actor who may see every one of them (libs/people); another sees this record's alone.
 */
export async function listServices(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  q: { participantId: string; enrollmentId?: string; limit: number; cursor?: string },
) {
  const now = deps.clock();
  const records = await recordsListedTogether(deps.pool, actor, q.participantId, now);
  const rows = await servicesOf(
    deps.pool,
    { participantIds: [...records.keys()], enrollmentId: q.enrollmentId },
    serviceCursor.decode(q.cursor),
    q.limit,
  );
  // the cursor moves past hidden rows too, so a page never repeats or skips a visible one
  const { items, nextCursor } = serviceCursor.page(rows, q.limit, (s) => ({
    serviceDate: s.serviceDate,
    id: s.id,
  }));
  const readable = items.filter((s) => {
    const sharing = records.get(s.participantId);
    return sharing !== undefined && canReadService(actor, sharing, s, now);
  });
  return { items: readable, nextCursor };
}
