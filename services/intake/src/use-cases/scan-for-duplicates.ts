import { withTransaction } from '@hearth/db';
import type { ReadDeps } from '../deps';
import { pairChanges, pairsOf } from '../domain/duplicates';
import { announcePairChanges } from '../events/duplicates';
import { LIKELY_DUPLICATE, scoreMatch } from '../domain/matching';
import { findCandidates } from '../store/matching';
import { heldPairsOf, replacePairsOf, unscannedParticipants } from '../store/duplicates';

/** A batch small enough to finish well inside the job's interval on a busy database. */
export const SCAN_BATCH = 200;

/**
 * The duplicate check of intake run over existing records (the background scan): each participant
 * created or changed since its last scan is compared with every record like it, whoever owns it,
 * and the pairs scoring as a likely duplicate are kept with their reasons. Who may see a pair is
 * decided when it is listed. What changed (a pair found, found with another score, no longer
 * found) is announced in the same transaction, ids and score only. Answers how many it scanned.
 */
export async function scanForDuplicates(deps: ReadDeps, batch = SCAN_BATCH): Promise<number> {
  const participants = await unscannedParticipants(deps.pool, batch);
  for (const p of participants) {
    const query = {
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      ssnLast4: p.ssnLast4,
      alienNumber: p.alienNumber,
    };
    const { candidates, phonetic } = await findCandidates(deps.pool, query, 'all_records');
    const scored = candidates.map((c) => ({
      id: c.id,
      ...scoreMatch({ ...query, sex: p.sex, phonetic }, c),
    }));
    const found = pairsOf(p.id, scored, LIKELY_DUPLICATE);
    const now = deps.clock();
    await withTransaction(deps.pool, async (tx) => {
      const held = await heldPairsOf(tx, p.id);
      await replacePairsOf(tx, p, found, now);
      await announcePairChanges(tx, p.ownerOrgId, pairChanges(held, found), now);
    });
  }
  return participants.length;
}
