import type { ConsumerOptions } from '@hearth/bus';
import type { PoolClient } from '@hearth/db';
import {
  HmisClientMatched,
  HmisEnrollmentImported,
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
} from '../store/hmis-imports';
import { recordImportedEnrollment } from '../use-cases/record-imported-enrollment';

/**
 * An HMIS import's enrollments (reporting) and intake's answer for each imported client, in any
 * order: each is kept, and an enrollment is recorded once both are here. A replay finds its row
 * kept and does nothing.
 */
export const hmisImportsConsumer = (deps: EnrollmentDeps): ConsumerOptions => ({
  queue: 'enrollment.hmis-imports',
  eventTypes: [HmisEnrollmentImported.type, HmisClientMatched.type],
  handle: async (event, tx) => {
    if (isEvent(event, HmisEnrollmentImported)) await enrollmentImported(deps, tx, event);
    else if (isEvent(event, HmisClientMatched)) await clientMatched(deps, tx, event);
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
  await settle(deps, tx, client);
}

/** Records the client's pending enrollments once intake's answer is here. */
async function settle(deps: EnrollmentDeps, tx: PoolClient, client: ImportedClient) {
  const match = await clientMatchOf(tx, client);
  if (!match) return;
  for (const row of await pendingImportsOf(tx, client))
    await recordImportedEnrollment(deps, tx, row, match);
}

const clientOf = (event: Envelope<{ exportId: string; personalId: string }>): ImportedClient => ({
  orgId: event.orgId,
  exportId: event.data.exportId,
  personalId: event.data.personalId,
});
