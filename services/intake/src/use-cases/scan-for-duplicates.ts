import { withTransaction } from '@hearth/db';
import type { ReadDeps } from '../deps';
import { pairsOf } from '../domain/duplicates';
import { LIKELY_DUPLICATE, scoreMatch } from '../domain/matching';
import { findCandidates } from '../store/matching';
import { replacePairsOf, unscannedParticipants } from '../store/duplicates';

/** A batch small enough to finish well inside the job's interval on a busy database. */
export const SCAN_BATCH = 200;

/**
 * The duplicate check of intake run over existing records (the background scan): each participant
 * created or changed since its last scan is compared with every record like it, whoever owns it,
 * and the pairs scoring as a likely duplicate are kept with their reasons. Who may see a pair is
 * decided when it is listed. Answers how many participants it scanned.
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
    await withTransaction(deps.pool, (tx) =>
      replacePairsOf(tx, p, pairsOf(p.id, scored, LIKELY_DUPLICATE), deps.clock()),
    );
  }
  return participants.length;
}
