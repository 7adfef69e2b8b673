import { canSeeParticipant, type Actor } from '@hearth/access';
import { cursorCodec } from '@hearth/http';
import { z } from 'zod';
import type { ReadDeps } from '../deps';
import { visiblePairs } from '../store/duplicates';
import { findParticipant } from '../store/participants';

const pairCursor = cursorCodec(
  z.strictObject({
    score: z.number().int().min(0).max(100),
    a: z.string().uuid(),
    b: z.string().uuid(),
  }),
);

/**
 * Suspected duplicates for a supervisor, inside what they may see: the SQL keeps only pairs whose
 * two records are visible, and the access library decides each record again, so a hidden client
 * never appears, not even as the other half of a pair.
 */
export async function listSuspectedDuplicates(
  deps: ReadDeps,
  actor: Actor,
  limit: number,
  cursor: string | undefined,
) {
  const now = deps.clock();
  const rows = await visiblePairs(deps.pool, actor, now, limit, pairCursor.decode(cursor));
  const page = pairCursor.page(rows, limit, (r) => ({
    score: r.score,
    a: r.participants[0].id,
    b: r.participants[1].id,
  }));
  const visible = await Promise.all(
    page.items.map(async (pair) => {
      for (const side of pair.participants) {
        const found = await findParticipant(deps.pool, side.id);
        if (!found || !canSeeParticipant(actor, found.sharing, now).allowed) return undefined;
      }
      return pair;
    }),
  );
  return { items: visible.filter((p) => p !== undefined), nextCursor: page.nextCursor };
}
