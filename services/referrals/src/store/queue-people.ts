import { visibleToSql, type Actor } from '@hearth/access';
import { sharingFactsColumns } from '@hearth/sharing';

/**
 * The CTEs ending in `person_entries`: the entries still on queue `$1` with a linked person once
 * (issue 18). For each entry, the person of its record (every record intake's links reach, chains
 * too, from libs/people's person_link_facts). When `actor` may see every record of the person, the
 * person keeps one entry, the one added first (their place in the line), scored by the latest
 * assessment across the records; otherwise the entry stands alone, as before the link (the
 * stricter sharing applies to the person). The columns are queue_entries', so the queue's order,
 * cursor and visibility apply unchanged.
 */
export function personEntriesSql(actor: Actor, now: Date, bind: (value: unknown) => string) {
  const everyRecordVisible = visibleToSql(sharingFactsColumns('sx'), actor, now, bind);
  return `WITH RECURSIVE on_queue AS (
      SELECT * FROM queue_entries WHERE queue_id = $1 AND status IN ('waiting', 'referred')
    ),
    reach (entry_id, participant_id) AS (
      SELECT id, participant_id FROM on_queue
      UNION
      SELECT r.entry_id, u.id FROM reach r
      JOIN person_link_facts f ON f.unlinked_at IS NULL AND f.participant_ids @> ARRAY[r.participant_id]
      CROSS JOIN LATERAL unnest(f.participant_ids) AS u (id)
    ),
    person AS (
      SELECT entry_id, array_agg(participant_id ORDER BY participant_id) AS ids,
             bool_and(EXISTS (SELECT 1 FROM sharing_facts sx
                              WHERE sx.participant_id = reach.participant_id
                                AND ${everyRecordVisible})) AS whole
      FROM reach GROUP BY entry_id
    ),
    chosen AS (
      SELECT DISTINCT ON (CASE WHEN p.whole THEN p.ids[1] ELSE q.id END) q.id, p.whole, p.ids
      FROM on_queue q JOIN person p ON p.entry_id = q.id
      ORDER BY CASE WHEN p.whole THEN p.ids[1] ELSE q.id END, q.added_at, q.id
    ),
    person_entries AS (
      SELECT q.id, q.queue_id, q.participant_id,
             coalesce(latest.id, q.assessment_id) AS assessment_id,
             coalesce(latest.score, q.score) AS score,
             q.homeless_since, q.household_size, q.needs, q.status, q.added_at, q.added_by,
             q.added_by_org_id, q.last_rejection_reason, q.last_rejected_at, q.left_at, q.removal_reason
      FROM on_queue q JOIN chosen c ON c.id = q.id
      LEFT JOIN LATERAL (
        SELECT a.id, a.score FROM assessments a
        WHERE c.whole AND a.participant_id = ANY(c.ids)
        ORDER BY a.assessment_date DESC, a.created_at DESC, a.id DESC LIMIT 1
      ) latest ON true
    )`;
}
