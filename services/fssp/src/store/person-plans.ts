import type { Queryable } from '@hearth/db';
import { participantIdsOfPerson } from '@hearth/people';

/**
 * "One open FSSP per participant" counts a person once (issue 18): the records linked to any
 * included member, other than the member itself, already on an open plan. The person's links stay
 * locked until the caller commits, so a creation through the other record waits and then sees
 * this one (the partial unique indexes hold the same rule for a single record).
 */
export async function linkedRecordsOnOpenPlans(
  tx: Queryable,
  memberIds: string[],
): Promise<string[]> {
  const linked: string[] = [];
  for (const id of [...memberIds].sort())
    linked.push(...(await participantIdsOfPerson(tx, id, { lock: true })).slice(1));
  if (!linked.length) return [];
  const { rows } = await tx.query<{ participant_id: string }>(
    `SELECT DISTINCT participant_id FROM plan_members
     WHERE plan_open AND included AND participant_id = ANY($1::uuid[])`,
    [linked],
  );
  return rows.map((r) => r.participant_id);
}
