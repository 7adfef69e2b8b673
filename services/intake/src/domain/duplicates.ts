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

/** A pair the scan held for a participant before rescanning it. */
export interface HeldPair {
  participantIds: [string, string];
  score: number;
  dismissed: boolean;
}

/**
 * What a rescan changes in a participant's pairs, to announce: the pairs found that were not held
 * or held with another score (`suspected`), and the open pairs held that it no longer finds
 * (`cleared`). A dismissed pair is final: found again or not, nothing changes.
 */
export function pairChanges(held: HeldPair[], found: ScoredPair[]) {
  const key = (ids: [string, string]) => ids.join(' ');
  const heldByKey = new Map(held.map((p) => [key(p.participantIds), p]));
  const foundKeys = new Set(found.map((p) => key(p.participantIds)));
  return {
    suspected: found
      .filter((p) => {
        const before = heldByKey.get(key(p.participantIds));
        return !before || (!before.dismissed && before.score !== p.score);
      })
      .map((p) => ({ participantIds: p.participantIds, score: p.score })),
    cleared: held
      .filter((p) => !p.dismissed && !foundKeys.has(key(p.participantIds)))
      .map((p) => p.participantIds),
  };
}
