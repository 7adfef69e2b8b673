import type { ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { z } from 'zod';
import type { ServicesDeps } from '../deps';
import { gradePromotionsOf } from '../store/grade-promotions';
import { canReadService } from './list-services';

const promotionCursor = cursorCodec(z.strictObject({ promotionDate: isoDate(), id: uuid() }));

/** A participant's grade promotions, newest first, each item passing the access decision. */
export async function listGradePromotions(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  sharing: ParticipantSharing,
  q: { participantId: string; limit: number; cursor?: string },
) {
  const rows = await gradePromotionsOf(
    deps.pool,
    q.participantId,
    promotionCursor.decode(q.cursor),
    q.limit,
  );
  const now = deps.clock();
  const { items, nextCursor } = promotionCursor.page(rows, q.limit, (p) => ({
    promotionDate: p.promotionDate,
    id: p.id,
  }));
  return { items: items.filter((p) => canReadService(actor, sharing, p, now)), nextCursor };
}
