import { join } from 'node:path';
import type { MigrationSource, Queryable } from '@hearth/db';
import type { PersonLink } from '@hearth/events';

/** The person_link_facts table; every service that follows intake's links migrates it. */
export const peopleMigrations: MigrationSource = {
  scope: 'people',
  dir: join(__dirname, '..', 'migrations'),
};

/** A link as intake announced it; a second delivery changes nothing. */
export async function applyLink(tx: Queryable, link: PersonLink): Promise<void> {
  await tx.query(
    `INSERT INTO person_link_facts (link_id, person_id, participant_ids, linked_at)
     VALUES ($1, $2, $3::uuid[], $4) ON CONFLICT (link_id) DO NOTHING`,
    [link.linkId, link.personId, link.participantIds, link.at],
  );
}

/** The link undone for good (kept, ended): each record is a person of its own again. */
export async function applyUnlink(tx: Queryable, link: PersonLink): Promise<void> {
  await tx.query(
    `INSERT INTO person_link_facts (link_id, person_id, participant_ids, linked_at, unlinked_at)
     VALUES ($1, $2, $3::uuid[], $4, $4)
     ON CONFLICT (link_id) DO UPDATE SET unlinked_at = EXCLUDED.unlinked_at`,
    [link.linkId, link.personId, link.participantIds, link.at],
  );
}

// The person of each `roots` id: every record its active links reach, link after link (A–B and
// B–C make A, B, C one person; undoing B–C leaves A, B). UNION ends the walk on a loop.
const PERSON_OF = `WITH RECURSIVE person (root, participant_id) AS (
    SELECT r, r FROM unnest($1::uuid[]) AS r
    UNION
    SELECT p.root, u.id FROM person p
    JOIN person_link_facts f ON f.unlinked_at IS NULL AND f.participant_ids @> ARRAY[p.participant_id]
    CROSS JOIN LATERAL unnest(f.participant_ids) AS u (id)
  )`;

/**
 * Every participant id of the person `participantId` is a record of: itself first, then the
 * records its links reach, through chains too (none: just itself). `lock` holds the person's links
 * until the caller commits, so two writes through different records of one person wait for each
 * other (a rule like "one open plan per person" checked then written cannot be passed twice at once).
 */
export async function participantIdsOfPerson(
  db: Queryable,
  participantId: string,
  options: { lock?: boolean } = {},
): Promise<string[]> {
  participantId = participantId.toLowerCase(); // as Postgres answers uuids, so the filter below holds
  const ids = (await peopleOf(db, [participantId])).get(participantId)!;
  if (options.lock && ids.length > 1)
    await db.query(
      `SELECT 1 FROM person_link_facts
       WHERE unlinked_at IS NULL AND participant_ids && $1::uuid[] ORDER BY link_id FOR UPDATE`,
      [ids],
    );
  return ids;
}

/** The same for several records at once: each id with its person's ids (itself first). */
export async function peopleOf(
  db: Queryable,
  participantIds: string[],
): Promise<Map<string, string[]>> {
  const asked = participantIds.map((id) => id.toLowerCase());
  const { rows } = await db.query<{ root: string; participant_id: string }>(
    `${PERSON_OF} SELECT root, participant_id FROM person ORDER BY root, participant_id`,
    [asked],
  );
  // grouped once: a report asks for thousands of records at a time
  const others = new Map<string, string[]>();
  for (const r of rows) {
    if (r.participant_id === r.root) continue;
    const known = others.get(r.root);
    if (known) known.push(r.participant_id);
    else others.set(r.root, [r.participant_id]);
  }
  return new Map(
    participantIds.map((id, i) => [id, [asked[i]!, ...(others.get(asked[i]!) ?? [])]]),
  );
}

/**
 * Each record's person as a key for counting people once (a report, a measure): the least
 * participant id of the person, chains followed, the same whichever of its records is asked and
 * whatever order the links arrived in.
 */
export async function personKeysOf(
  db: Queryable,
  participantIds: string[],
): Promise<Map<string, string>> {
  const people = await peopleOf(db, participantIds);
  return new Map([...people].map(([id, ids]) => [id, [...ids].sort()[0]!]));
}
