import { binder, visibleToSql, type Actor, type SharingColumns } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import type { HeldPair, ScoredPair } from '../domain/duplicates';
import { personOf } from './links';

/** A participant the background scan has not compared since its last change. */
export interface UnscannedParticipant {
  id: string;
  ownerOrgId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: string | null;
  ssnLast4: string | null;
  alienNumber: string | null;
  /** updated_at as Postgres text: microseconds survive the round trip a JS Date would cut */
  updatedAt: string;
}

export async function unscannedParticipants(
  db: Queryable,
  limit: number,
): Promise<UnscannedParticipant[]> {
  const { rows } = await db.query(
    `SELECT id, owner_org_id, first_name, last_name, birth_date, sex, ssn_last4, alien_number, updated_at::text AS updated_at
     FROM participants WHERE match_scanned_at IS NULL OR match_scanned_at < updated_at
     ORDER BY updated_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    ownerOrgId: r.owner_org_id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    sex: r.sex,
    ssnLast4: r.ssn_last4,
    alienNumber: r.alien_number,
    updatedAt: r.updated_at,
  }));
}

/**
 * The pairs held for a participant, open or dismissed, locked until the rescan commits (a
 * dismissal of one of them waits, so what the rescan announces is what it changed).
 */
export async function heldPairsOf(tx: Queryable, participantId: string): Promise<HeldPair[]> {
  const { rows } = await tx.query(
    `SELECT participant_a, participant_b, score, dismissed_at IS NOT NULL AS dismissed
     FROM suspected_duplicates WHERE $1 IN (participant_a, participant_b)
     ORDER BY participant_a, participant_b FOR UPDATE`,
    [participantId],
  );
  return rows.map((r) => ({
    participantIds: [r.participant_a, r.participant_b],
    score: r.score,
    dismissed: r.dismissed,
  }));
}

/**
 * The pairs of one scanned participant, replacing what an earlier scan of it found (a record
 * edited out of a likeness leaves the list); dismissed pairs stay as they are, never shown again.
 */
export async function replacePairsOf(
  tx: Queryable,
  participant: UnscannedParticipant,
  pairs: ScoredPair[],
  now: Date,
): Promise<void> {
  const others = pairs.map((p) => p.participantIds.find((id) => id !== participant.id)!);
  await tx.query(
    `DELETE FROM suspected_duplicates
     WHERE dismissed_at IS NULL AND $1 IN (participant_a, participant_b)
       AND NOT (CASE WHEN participant_a = $1 THEN participant_b ELSE participant_a END = ANY($2::uuid[]))`,
    [participant.id, others],
  );
  if (pairs.length)
    await tx.query(
      `INSERT INTO suspected_duplicates (participant_a, participant_b, score, reasons, found_at)
       SELECT p.a, p.b, p.score, ARRAY(SELECT jsonb_array_elements_text(p.reasons)), $2
       FROM jsonb_to_recordset($1::jsonb) AS p(a uuid, b uuid, score int, reasons jsonb)
       ON CONFLICT (participant_a, participant_b) DO UPDATE
         SET score = excluded.score, reasons = excluded.reasons
         WHERE suspected_duplicates.dismissed_at IS NULL`,
      [
        JSON.stringify(
          pairs.map((p) => ({
            a: p.participantIds[0],
            b: p.participantIds[1],
            score: p.score,
            reasons: p.reasons,
          })),
        ),
        now,
      ],
    );
  await tx.query(
    'UPDATE participants SET match_scanned_at = $2::timestamptz WHERE id = $1 AND updated_at = $2::timestamptz',
    [participant.id, participant.updatedAt],
  );
}

const sharingOf = (alias: string): SharingColumns => ({
  participantId: `${alias}.id`,
  ownerOrgId: `${alias}.owner_org_id`,
  restriction: `${alias}.security_restriction`,
  releasesTable: 'information_releases',
});

export interface PairPosition {
  score: number;
  a: string;
  b: string;
}

// A pair already one person, through its own link or a chain of them (A–B, B–C hides A–C too).
const SAME_PERSON = `${personOf('d.participant_a')} SELECT 1 FROM person WHERE participant_id = d.participant_b`;

/**
 * Open suspected pairs whose two records the actor may both see, best score first; pairs linked
 * together are left out. A pair one side of which is hidden is never counted nor seen.
 */
export async function visiblePairs(
  db: Queryable,
  actor: Actor,
  now: Date,
  limit: number,
  after?: PairPosition,
) {
  const params: unknown[] = [];
  const bind = binder(params);
  const visibleA = visibleToSql(sharingOf('pa'), actor, now, bind);
  const visibleB = visibleToSql(sharingOf('pb'), actor, now, bind);
  const position = after
    ? `AND (d.score < ${bind(after.score)} OR (d.score = ${bind(after.score)}
         AND (d.participant_a, d.participant_b) > (${bind(after.a)}::uuid, ${bind(after.b)}::uuid)))`
    : '';
  const { rows } = await db.query(
    `SELECT d.participant_a, d.participant_b, d.score, d.reasons, d.found_at,
            pa.first_name AS a_first, pa.middle_name AS a_middle, pa.last_name AS a_last, pa.birth_date AS a_birth, pa.sex AS a_sex,
            pb.first_name AS b_first, pb.middle_name AS b_middle, pb.last_name AS b_last, pb.birth_date AS b_birth, pb.sex AS b_sex
     FROM suspected_duplicates d
     JOIN participants pa ON pa.id = d.participant_a
     JOIN participants pb ON pb.id = d.participant_b
     WHERE d.dismissed_at IS NULL AND ${visibleA} AND ${visibleB}
       AND NOT EXISTS (${SAME_PERSON})
       ${position}
     ORDER BY d.score DESC, d.participant_a, d.participant_b LIMIT ${bind(limit + 1)}`,
    params,
  );
  const side = (r: Record<string, unknown>, s: 'a' | 'b') => ({
    id: r[`participant_${s}`] as string,
    firstName: r[`${s}_first`] as string,
    middleName: r[`${s}_middle`] as string | null,
    lastName: r[`${s}_last`] as string,
    birthDate: r[`${s}_birth`] as string,
    sex: r[`${s}_sex`] as string | null,
  });
  return rows.map((r) => ({
    participants: [side(r, 'a'), side(r, 'b')] as const,
    score: r.score as number,
    reasons: r.reasons as string[],
    foundAt: (r.found_at as Date).toISOString(),
  }));
}

/** Locks the open pair for a dismissal: undefined when there is none, 'dismissed' when done already. */
export async function lockPair(
  tx: Queryable,
  [a, b]: [string, string],
): Promise<'open' | 'dismissed' | undefined> {
  const { rows } = await tx.query(
    'SELECT dismissed_at FROM suspected_duplicates WHERE participant_a = $1 AND participant_b = $2 FOR UPDATE',
    [a, b],
  );
  if (!rows[0]) return undefined;
  return rows[0].dismissed_at ? 'dismissed' : 'open';
}

export async function dismissPair(
  tx: Queryable,
  [a, b]: [string, string],
  actor: Actor,
  reason: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE suspected_duplicates SET dismissed_at = $3, dismissed_by = $4, dismissed_org_id = $5, dismissed_reason = $6
     WHERE participant_a = $1 AND participant_b = $2`,
    [a, b, now, actor.userId, actor.orgId, reason],
  );
}
