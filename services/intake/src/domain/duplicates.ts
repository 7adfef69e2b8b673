import type { MatchReason } from './matching';

/** A pair is stored and named with the lower id first, so A–B and B–A are one pair. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export interface ScoredPair {
  participantIds: [string, string];
  score: number;
  reasons: MatchReason[];
}

/**
 * The pairs one participant forms with the records like it, above `threshold`: itself excluded,
 * each pair once (the best score when a candidate came twice).
 */
export function pairsOf(
  participantId: string,
  scored: Array<{ id: string; score: number; reasons: MatchReason[] }>,
  threshold: number,
): ScoredPair[] {
  const best = new Map<string, ScoredPair>();
  for (const c of scored) {
    if (c.id === participantId || c.score < threshold) continue;
    const known = best.get(c.id);
    if (!known || known.score < c.score)
      best.set(c.id, {
        participantIds: orderedPair(participantId, c.id),
        score: c.score,
        reasons: c.reasons,
      });
  }
  return [...best.values()];
}
