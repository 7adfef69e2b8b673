import type { ConsumerOptions } from '@hearth/bus';
import type { PoolClient } from '@hearth/db';
import {
  HmisEnrollmentRecorded,
  HmisServiceImported,
  isEvent,
  type Envelope,
  type HmisService,
} from '@hearth/events';
import type { z } from 'zod';
import type { ServicesDeps } from '../deps';
import {
  keepImportedService,
  keepRecordedEnrollment,
  lockImportedEnrollment,
  pendingServicesOf,
  recordedEnrollmentOf,
  type ImportedEnrollmentKey,
} from '../store/hmis-imports';
import { recordImportedService } from '../use-cases/record-imported-service';

/**
 * An HMIS import's services (reporting) and what enrollment made of each imported enrollment, in
 * any order: each is kept, and a service is recorded once its enrollment's id is here. A replay
 * finds its row kept and does nothing.
 */
export const hmisImportsConsumer = (deps: ServicesDeps): ConsumerOptions => ({
  queue: 'services.hmis-imports',
  eventTypes: [HmisServiceImported.type, HmisEnrollmentRecorded.type],
  handle: async (event, tx) => {
    if (isEvent(event, HmisServiceImported)) await serviceImported(deps, tx, event);
    else if (isEvent(event, HmisEnrollmentRecorded)) await enrollmentRecorded(deps, tx, event);
  },
});

type Recorded = Envelope<z.infer<typeof HmisEnrollmentRecorded.data>>;

async function serviceImported(deps: ServicesDeps, tx: PoolClient, event: Envelope<HmisService>) {
  // an import is a person's act: reporting always names the importer
  if (!event.actor.userId) return;
  const key = keyOf(event);
  await lockImportedEnrollment(tx, key);
  const importer = {
    userId: event.actor.userId,
    name: event.actor.name,
    orgId: event.orgId,
    roles: event.data.importerRoles,
  };
  if (!(await keepImportedService(tx, importer, event.data, deps.clock()))) return;
  await settle(deps, tx, key);
}

async function enrollmentRecorded(deps: ServicesDeps, tx: PoolClient, event: Recorded) {
  const key = keyOf(event);
  await lockImportedEnrollment(tx, key);
  const { recordedAs, participantId, exitDate } = event.data;
  if (!(await keepRecordedEnrollment(tx, key, { recordedAs, participantId, exitDate }))) return;
  await settle(deps, tx, key);
}

/** Records the enrollment's pending services once its id is here. */
async function settle(deps: ServicesDeps, tx: PoolClient, key: ImportedEnrollmentKey) {
  const enrollment = await recordedEnrollmentOf(tx, key);
  if (!enrollment) return;
  for (const row of await pendingServicesOf(tx, key))
    await recordImportedService(deps, tx, row, enrollment);
}

const keyOf = (event: Envelope<{ exportId: string; enrollmentId: string }>) => ({
  orgId: event.orgId,
  exportId: event.data.exportId,
  enrollmentId: event.data.enrollmentId,
});
