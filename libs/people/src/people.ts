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

/**
 * Every participant id of the person `participantId` is a record of: itself first, then the
 * records linked to it (none: just itself). `lock` holds the person's links until the caller
 * commits, so two writes through different records of one person wait for each other (a rule
 * like "one open plan per person" checked then written cannot be passed twice at once).
 */
export async function participantIdsOfPerson(
  db: Queryable,
  participantId: string,
  options: { lock?: boolean } = {},
): Promise<string[]> {
  participantId = participantId.toLowerCase(); // as Postgres answers uuids, so the filter below holds
  const { rows } = await db.query<{ participant_ids: string[] }>(
    `SELECT participant_ids FROM person_link_facts
     WHERE unlinked_at IS NULL AND participant_ids @> ARRAY[$1::uuid]
     ORDER BY link_id ${options.lock ? 'FOR UPDATE' : ''}`,
    [participantId],
  );
  const others = rows.flatMap((r) => r.participant_ids).filter((id) => id !== participantId);
  return [participantId, ...new Set(others)];
}

/** The same for several records at once: each id with its person's ids (itself first). */
export async function peopleOf(
  db: Queryable,
  participantIds: string[],
): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ participant_ids: string[] }>(
    `SELECT participant_ids FROM person_link_facts
     WHERE unlinked_at IS NULL AND participant_ids && $1::uuid[]`,
    [participantIds],
  );
  return new Map(
    participantIds.map((id) => {
      const linked = rows.filter((r) => r.participant_ids.includes(id));
      const others = linked.flatMap((r) => r.participant_ids).filter((o) => o !== id);
      return [id, [id, ...new Set(others)]];
    }),
  );
}
