import type { Queryable } from '@hearth/db';
import type { OpenPair } from '../domain/suspected-duplicates';

type Pair = string[];
/** Lower id first, as intake names a pair (a dismissal's ids are ordered here too). */
const ordered = (ids: Pair) => [...ids].sort() as [string, string];

/** A pair found, or found with another score: open, unless dismissed or a newer word is held. */
export async function applySuspected(
  tx: Queryable,
  p: { participantIds: Pair; score: number; version: number; at: string },
) {
  await tx.query(
    `INSERT INTO suspected_pairs (participant_a, participant_b, state, score, version, changed_at)
     VALUES ($1, $2, 'open', $3, $4, $5)
     ON CONFLICT (participant_a, participant_b) DO UPDATE
       SET state = 'open', score = EXCLUDED.score, version = EXCLUDED.version,
           changed_at = EXCLUDED.changed_at
       WHERE suspected_pairs.state <> 'dismissed' AND suspected_pairs.version < EXCLUDED.version`,
    [...ordered(p.participantIds), p.score, p.version, p.at],
  );
}

/** A pair a rescan no longer finds: cleared, unless dismissed or a newer word is held. */
export async function applyCleared(
  tx: Queryable,
  p: { participantIds: Pair; version: number; at: string },
) {
  await tx.query(
    `INSERT INTO suspected_pairs (participant_a, participant_b, state, score, version, changed_at)
     VALUES ($1, $2, 'cleared', NULL, $3, $4)
     ON CONFLICT (participant_a, participant_b) DO UPDATE
       SET state = 'cleared', version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
       WHERE suspected_pairs.state <> 'dismissed' AND suspected_pairs.version < EXCLUDED.version`,
    [...ordered(p.participantIds), p.version, p.at],
  );
}

/** A pair dismissed: final, whatever was held or arrives later. */
export async function applyDismissed(tx: Queryable, p: { participantIds: Pair; at: string }) {
  await tx.query(
    `INSERT INTO suspected_pairs (participant_a, participant_b, state, score, version, changed_at)
     VALUES ($1, $2, 'dismissed', NULL, 0, $3)
     ON CONFLICT (participant_a, participant_b) DO UPDATE
       SET state = 'dismissed', changed_at = EXCLUDED.changed_at
       WHERE suspected_pairs.state <> 'dismissed'`,
    [...ordered(p.participantIds), p.at],
  );
}

/** The open pairs either record of which is one of `participantIds`. */
export async function openPairsOf(db: Queryable, participantIds: string[]): Promise<OpenPair[]> {
  const { rows } = await db.query<{ a: string; b: string; score: number }>(
    `SELECT participant_a AS a, participant_b AS b, score FROM suspected_pairs
     WHERE state = 'open' AND (participant_a = ANY($1::uuid[]) OR participant_b = ANY($1::uuid[]))
     ORDER BY score DESC, participant_a, participant_b`,
    [participantIds],
  );
  return rows.map((r) => ({ participantIds: [r.a, r.b], score: r.score }));
}
