import type { ConsumerOptions } from '@hearth/bus';
import type { PoolClient } from '@hearth/db';
import {
  HmisEnrollmentRecorded,
  HmisEnrollmentSettled,
  HmisServiceImported,
  isEvent,
  type Envelope,
  type HmisService,
} from '@hearth/events';
import type { ServicesDeps } from '../deps';
import {
  enrollmentAnswerOf,
  keepEnrollmentAnswer,
  keepImportedService,
  lockImportedEnrollment,
  pendingServicesOf,
  type EnrollmentAnswer,
  type ImportedEnrollmentKey,
} from '../store/hmis-imports';
import { recordImportedService } from '../use-cases/record-imported-service';
import { settleService } from './hmis-import-outcomes';

/**
 * An HMIS import's services (reporting) and what enrollment made of each imported enrollment, in
 * any order: each is kept, and a service settles once its enrollment's answer is here: recorded on
 * it, or refused with it. A replay finds its row kept and does nothing. The `recorded` event is
 * enrollment's v1 answer, read for what an outbox may still hold of it.
 */
export const hmisImportsConsumer = (deps: ServicesDeps): ConsumerOptions => ({
  queue: 'services.hmis-imports',
  eventTypes: [HmisServiceImported.type, HmisEnrollmentSettled.type, HmisEnrollmentRecorded.type],
  handle: async (event, tx) => {
    if (isEvent(event, HmisServiceImported)) await serviceImported(deps, tx, event);
    else if (isEvent(event, HmisEnrollmentSettled)) {
      const { data } = event;
      await enrollmentAnswered(
        deps,
        tx,
        keyOf(event),
        data.outcome === 'recorded' ? data : { refused: data.reason },
      );
    } else if (isEvent(event, HmisEnrollmentRecorded))
      await enrollmentAnswered(deps, tx, keyOf(event), event.data);
  },
});

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

async function enrollmentAnswered(
  deps: ServicesDeps,
  tx: PoolClient,
  key: ImportedEnrollmentKey,
  answer: EnrollmentAnswer,
) {
  await lockImportedEnrollment(tx, key);
  if (!(await keepEnrollmentAnswer(tx, key, answer))) return;
  await settle(deps, tx, key);
}

/** Settles the enrollment's pending services once its answer is here. */
async function settle(deps: ServicesDeps, tx: PoolClient, key: ImportedEnrollmentKey) {
  const answer = await enrollmentAnswerOf(tx, key);
  if (!answer) return;
  for (const row of await pendingServicesOf(tx, key))
    if ('refused' in answer)
      await settleService(
        tx,
        row,
        { refused: `Its enrollment was not recorded: ${answer.refused}` },
        deps.clock(),
      );
    else await recordImportedService(deps, tx, row, answer);
}

const keyOf = (event: Envelope<{ exportId: string; enrollmentId: string }>) => ({
  orgId: event.orgId,
  exportId: event.data.exportId,
  enrollmentId: event.data.enrollmentId,
});
