import { visibleToSql, type Actor } from '@hearth/access';
import { sharingFactsColumns } from '@hearth/sharing';

/** queue_entries' columns of `q`, in one order for a UNION; `assessment_id` and `score` may be replaced. */
export const queueEntryColumns = (
  q: string,
  assessmentId = `${q}.assessment_id`,
  score = `${q}.score`,
) =>
  `${q}.id, ${q}.queue_id, ${q}.participant_id, ${assessmentId} AS assessment_id, ${score} AS score,
   ${q}.homeless_since, ${q}.household_size, ${q}.needs, ${q}.status, ${q}.added_at, ${q}.added_by,
   ${q}.added_by_org_id, ${q}.last_rejection_reason, ${q}.last_rejected_at, ${q}.left_at,
   ${q}.removal_reason`;

/** The entry `q` is of a record no active link holds: it stands alone, as it was added. */
export const unlinked = (q: string) => `NOT EXISTS (SELECT 1 FROM person_link_facts f
  WHERE f.unlinked_at IS NULL AND f.participant_ids @> ARRAY[${q}.participant_id])`;

/**
 * The CTEs ending in `person_entries`: the entries still on queue `$1` of linked records (intake's
 * links, chains too, from libs/people's person_link_facts), a person once (issue 18). When `actor`
 * may see every record of the person, the person keeps one entry, the one added first (their place
 * in the line), scored by the latest assessment across the records; otherwise each entry stands
 * alone, as before the link (the stricter sharing applies to the person). Entries of unlinked
 * records (`unlinked`) are not here: the page reads them in the queue's index order, as before.
 */
export function linkedPersonEntriesSql(actor: Actor, now: Date, bind: (value: unknown) => string) {
  const everyRecordVisible = visibleToSql(sharingFactsColumns('sx'), actor, now, bind);
  // the links as edges (record, link), walked by hash joins: one index probe per step and record
  // was the slow part of a page, and its cost estimate alone switched on the JIT compiler
  return `WITH RECURSIVE edges AS (
      SELECT u.id AS participant_id, f.link_id FROM person_link_facts f
      CROSS JOIN LATERAL unnest(f.participant_ids) AS u (id) WHERE f.unlinked_at IS NULL
    ),
    on_queue AS (
      SELECT q.* FROM queue_entries q
      WHERE q.queue_id = $1 AND q.status IN ('waiting', 'referred')
        AND q.participant_id IN (SELECT participant_id FROM edges)
    ),
    reach (entry_id, participant_id) AS (
      SELECT id, participant_id FROM on_queue
      UNION
      SELECT r.entry_id, other.participant_id FROM reach r
      JOIN edges mine ON mine.participant_id = r.participant_id
      JOIN edges other ON other.link_id = mine.link_id
    ),
    person AS (
      SELECT r.entry_id, array_agg(r.participant_id ORDER BY r.participant_id) AS ids,
             bool_and(sx.participant_id IS NOT NULL AND coalesce(${everyRecordVisible}, false)) AS whole
      FROM reach r LEFT JOIN sharing_facts sx ON sx.participant_id = r.participant_id
      GROUP BY r.entry_id
    ),
    chosen AS (
      SELECT DISTINCT ON (CASE WHEN p.whole THEN p.ids[1] ELSE q.id END) q.id, p.whole, p.ids
      FROM on_queue q JOIN person p ON p.entry_id = q.id
      ORDER BY CASE WHEN p.whole THEN p.ids[1] ELSE q.id END, q.added_at, q.id
    ),
    latest AS (
      SELECT DISTINCT ON (c.id) c.id AS entry_id, a.id, a.score
      FROM chosen c JOIN assessments a ON a.participant_id = ANY (c.ids)
      WHERE c.whole
      ORDER BY c.id, a.assessment_date DESC, a.created_at DESC, a.id DESC
    ),
    person_entries AS (
      SELECT ${queueEntryColumns('q', 'coalesce(latest.id, q.assessment_id)', 'coalesce(latest.score, q.score)')}
      FROM on_queue q JOIN chosen c ON c.id = q.id LEFT JOIN latest ON latest.entry_id = q.id
    )`;
}
