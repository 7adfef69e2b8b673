import type { Actor } from '@hearth/auth';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
import { z } from 'zod';
import type { ServicesDeps } from '../deps';
import { gradePromotionsOf } from '../store/grade-promotions';
import { canReadService } from './list-services';

const promotionCursor = cursorCodec(z.strictObject({ promotionDate: isoDate(), id: uuid() }));

/**
 * A participant's grade promotions, newest first, each item passing the access decision of its
 * own record; a linked person's records together to who may see them all, as services list.
 */
export async function listGradePromotions(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  q: { participantId: string; limit: number; cursor?: string },
) {
  const now = deps.clock();
  const records = await recordsListedTogether(deps.pool, actor, q.participantId, now);
  const rows = await gradePromotionsOf(
    deps.pool,
    [...records.keys()],
    promotionCursor.decode(q.cursor),
    q.limit,
  );
  const { items, nextCursor } = promotionCursor.page(rows, q.limit, (p) => ({
    promotionDate: p.promotionDate,
    id: p.id,
  }));
  const readable = items.filter((p) => {
    const sharing = records.get(p.participantId);
    return sharing !== undefined && canReadService(actor, sharing, p, now);
  });
  return { items: readable, nextCursor };
}
