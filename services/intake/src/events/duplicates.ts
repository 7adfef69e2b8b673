import { recordEvents, systemAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { DuplicateCleared, DuplicateSuspected, createEvent } from '@hearth/events';
import type { pairChanges } from '../domain/duplicates';

/** Who the scan's announcements are from: the system, as the history of a scheduled job names it. */
const SCAN = systemAuthor('duplicate scan');

/**
 * A rescan's changes to a participant's pairs, in the rescan's transaction: intake.duplicate
 * .suspected (ids and score) and .cleared (ids), never a name or a reason. Each draws its version
 * from `duplicate_announcements` after the pair's row is locked, so a pair's versions rise in the
 * order they commit. The envelope is the scanned record's organization's.
 */
export async function announcePairChanges(
  tx: Queryable,
  ownerOrgId: string,
  changes: ReturnType<typeof pairChanges>,
  at: Date,
): Promise<void> {
  const count = changes.suspected.length + changes.cleared.length;
  if (!count) return;
  const { rows } = await tx.query<{ v: string }>(
    "SELECT nextval('duplicate_announcements') AS v FROM generate_series(1, $1)",
    [count],
  );
  const versions = rows.map((r) => Number(r.v));
  const fields = { orgId: ownerOrgId, ...SCAN, occurredAt: at };
  await recordEvents(tx, [
    ...changes.suspected.map(({ participantIds, score }) =>
      createEvent(DuplicateSuspected, {
        ...fields,
        data: { participantIds, score, version: versions.shift()!, at: at.toISOString() },
      }),
    ),
    ...changes.cleared.map((participantIds) =>
      createEvent(DuplicateCleared, {
        ...fields,
        data: { participantIds, version: versions.shift()!, at: at.toISOString() },
      }),
    ),
  ]);
}
