import type { PoolClient } from '@hearth/db';
import { authorOf, type ConsumerOptions } from '@hearth/bus';
import {
  HmisClientMatched,
  HmisEnrollmentImported,
  HmisExitImported,
  isEvent,
  type Envelope,
  type HmisEnrollment,
} from '@hearth/events';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import {
  clientMatchOf,
  keepClientMatch,
  keepImportedEnrollment,
  lockImportedClient,
  pendingImportsOf,
  type ImportedClient,
  type PendingImport,
} from '../store/hmis-imports';
import {
  householdOf,
  importedHeadOf,
  lockImportedHousehold,
  pendingMembersOf,
} from '../store/hmis-import-households';
import { recordImportedEnrollment } from '../use-cases/record-imported-enrollment';
import { recordImportedMember } from '../use-cases/record-imported-member';
import { recordLaterExit } from '../use-cases/record-later-exit';

/** HUD 3.15: 1 is the head of household; a member joins the head's enrollment by HouseholdID. */
const SELF = 1;

/**
 * An HMIS import's enrollments (reporting) and intake's answer for each imported client, in any
 * order: each is kept, and an enrollment is recorded once both are here; a household member once
 * its head's enrollment is settled too (it joins it). A later import's exit of an enrollment
 * settles on what it became. A replay finds its row kept and does nothing.
 */
export const hmisImportsConsumer = (deps: EnrollmentDeps): ConsumerOptions => ({
  queue: 'enrollment.hmis-imports',
  eventTypes: [HmisEnrollmentImported.type, HmisClientMatched.type, HmisExitImported.type],
  handle: async (event, tx) => {
    if (isEvent(event, HmisEnrollmentImported)) await enrollmentImported(deps, tx, event);
    else if (isEvent(event, HmisClientMatched)) await clientMatched(deps, tx, event);
    else if (isEvent(event, HmisExitImported) && event.actor.userId) {
      // under the client's lock, as its enrollment settles: neither misses the other
      await lockImportedClient(tx, clientOf(event));
      const author = authorOf({ userId: event.actor.userId, name: event.actor.name });
      await recordLaterExit(deps, tx, event.orgId, event.data, author);
    }
  },
});

type Matched = Envelope<z.infer<typeof HmisClientMatched.data>>;

async function enrollmentImported(
  deps: EnrollmentDeps,
  tx: PoolClient,
  event: Envelope<HmisEnrollment>,
) {
  // an import is a person's act: reporting always names the importer
  if (!event.actor.userId) return;
  const client = clientOf(event);
  await lockImportedClient(tx, client);
  await lockImportedHousehold(tx, householdOf({ ...client, data: event.data }));
  const importer = {
    userId: event.actor.userId,
    name: event.actor.name,
    orgId: event.orgId,
    roles: event.data.importerRoles,
  };
  if (!(await keepImportedEnrollment(tx, importer, event.data, deps.clock()))) return;
  await settle(deps, tx, client);
}

async function clientMatched(deps: EnrollmentDeps, tx: PoolClient, event: Matched) {
  const client = clientOf(event);
  await lockImportedClient(tx, client);
  if (!(await keepClientMatch(tx, client, event.data))) return;
  // the client's households in one order, so two answers of one household wait, never deadlock
  const households = [...new Set((await pendingImportsOf(tx, client)).map(householdKey))].sort();
  for (const householdId of households) await lockImportedHousehold(tx, { ...client, householdId });
  await settle(deps, tx, client);
}

const householdKey = (row: PendingImport) => row.data.householdId;

/**
 * Settles the client's pending enrollments once intake's answer is here: a head's is recorded
 * and then its waiting members join it; a member's joins a settled head's, else waits for it.
 */
async function settle(deps: EnrollmentDeps, tx: PoolClient, client: ImportedClient) {
  const match = await clientMatchOf(tx, client);
  if (!match) return;
  for (const row of await pendingImportsOf(tx, client)) {
    if (row.data.relationshipToHoH === SELF) {
      await recordImportedEnrollment(deps, tx, row, match);
      await settleMembers(deps, tx, row);
    } else {
      const head = await importedHeadOf(tx, householdOf(row));
      if (head && head.state !== 'pending') await recordImportedMember(deps, tx, row, match, head);
    }
  }
}

/** The head's members that intake has answered for, now that the head is settled. */
async function settleMembers(deps: EnrollmentDeps, tx: PoolClient, headRow: PendingImport) {
  const head = await importedHeadOf(tx, householdOf(headRow));
  if (!head || head.state === 'pending') return;
  for (const member of await pendingMembersOf(tx, householdOf(headRow))) {
    const match = await clientMatchOf(tx, { ...member, personalId: member.data.personalId });
    if (match) await recordImportedMember(deps, tx, member, match, head);
  }
}

const clientOf = (event: Envelope<{ exportId: string; personalId: string }>): ImportedClient => ({
  orgId: event.orgId,
  exportId: event.data.exportId,
  personalId: event.data.personalId,
});
