import { canSeeParticipant } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { ReadDeps } from '../deps';
import { scoreMatch, type MatchReason } from '../domain/matching';
import { findCandidates, type MatchQuery } from '../store/matching';
import { releasesOf } from '../store/participants';

export interface RankedCandidate {
  participant: {
    id: string;
    firstName: string;
    middleName: string | null;
    lastName: string;
    birthDate: string | null;
    sex: string | null;
  };
  score: number;
  reasons: MatchReason[];
}

/**
 * Ranked possible duplicates the actor may see. The SQL prefilter already narrows to visible rows;
 * the access library still decides each one, so a hidden client can never appear or be counted.
 */
export async function findDuplicates(
  { pool, clock }: ReadDeps,
  actor: Actor,
  query: MatchQuery & { sex?: string | null },
  top = 10,
): Promise<RankedCandidate[]> {
  const now = clock();
  const { candidates, phonetic } = await findCandidates(pool, query, { actor, now });
  const releases = await releasesOf(
    pool,
    candidates.filter((c) => c.securityRestriction === 'share_mou').map((c) => c.id),
  );
  return candidates
    .filter(
      (c) =>
        canSeeParticipant(
          actor,
          {
            ownerOrgId: c.ownerOrgId,
            restriction: c.securityRestriction,
            releases: releases.get(c.id) ?? [],
          },
          now,
        ).allowed,
    )
    .map((c) => ({
      participant: {
        id: c.id,
        firstName: c.firstName,
        middleName: c.middleName,
        lastName: c.lastName,
        birthDate: c.birthDate ?? null,
        sex: c.sex ?? null,
      },
      ...scoreMatch({ ...query, phonetic }, c),
    }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, top);
}
