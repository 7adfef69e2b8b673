import { randomUUID } from 'node:crypto';
import { auditDenial, decideAccess } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { PoolClient } from '@hearth/db';
import { Problem, unprocessable } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import type { ServicesDeps } from '../deps';
import { hudServiceTypeName, takesAmount } from '../domain/hud-service-types';
import { findEnrollment } from '../store/enrollments';
import {
  importedServiceTypeId,
  type PendingService,
  type RecordedEnrollment,
} from '../store/hmis-imports';
import { settleService } from '../events/hmis-import-outcomes';
import { recordServiceIn } from './record-service';

type Deps = Pick<ServicesDeps, 'clock' | 'logger'>;

/** A refusal in words a person reads in the import's record: the title and each field's fault. */
const reasonOf = (p: Problem) =>
  [p.detail ?? p.title, ...(p.errors ?? []).map((e) => `${e.field}: ${e.message}`)].join('; ');

/**
 * Records one imported service whose enrollment is known, in the consumer's transaction, by the
 * rules a worker's service goes through (the participant gate for writing, its denial audited;
 * the enrollment of the importer's organization covering
 * the client and active on the date, no future date on the organization's calendar, the type's
 * rules), as the importer: DateProvided is the service date, FAAmount its amount. Its type is the
 * imported program's catalog type for the HUD RecordType / TypeProvided, made when missing. A
 * refusal is kept with its reason and nothing of the service (nor a type made for it) is written
 * (a savepoint undoes what was). An enrollment services' read model does not show as enrollment
 * recorded it (not there yet, or the exit recorded with it not yet) is an error: the bus tries
 * again.
 */
export async function recordImportedService(
  deps: Deps,
  tx: PoolClient,
  row: PendingService,
  enrollment: RecordedEnrollment,
): Promise<void> {
  const now = deps.clock();
  const known = await findEnrollment(tx, enrollment.recordedAs);
  // an exit recorded with it must be there too; a read model with an exit of its own is newer
  // and the row's participant among its members (an imported member joins the head's)
  if (
    !known ||
    (enrollment.exitDate !== null && known.exitDate === null) ||
    !known.memberIds.includes(enrollment.participantId)
  )
    throw new Error('the imported enrollment has not reached the read model yet; retried');
  const { data } = row;
  const actor: Actor = row.importer;
  // the participant gate a worker's service passes, on the importer's roles and today's sharing
  const sharing = (await sharingOf(tx, [enrollment.participantId])).get(enrollment.participantId);
  if (!sharing) throw new Error('the participant’s sharing has not reached services yet; retried');
  const decision = decideAccess({ actor, participant: sharing, action: 'write', now });
  if (!decision.allowed) {
    await auditDenial(tx, actor, enrollment.participantId, 'write', decision.reason);
    return settleService(
      tx,
      row,
      { refused: `The importer may not record services for this client (${decision.reason})` },
      now,
    );
  }
  await tx.query('SAVEPOINT imported_service');
  try {
    const code = { recordType: data.recordType, typeProvided: data.typeProvided };
    const serviceTypeId = await importedServiceTypeId(
      tx,
      {
        id: randomUUID(),
        orgId: known.orgId,
        programId: known.programId,
        createdBy: actor.userId,
        name: hudServiceTypeName(code),
      },
      { ...code, amountAllowed: takesAmount(code) },
    );
    if (!serviceTypeId)
      throw unprocessable('A service type of that name, not an imported one, is in the catalog.', [
        { field: 'serviceTypeId', message: `${hudServiceTypeName(code)} stands for no HUD code` },
      ]);
    const saved = await recordServiceIn(tx, deps.clock, actor, {
      participantId: enrollment.participantId,
      enrollmentId: enrollment.recordedAs,
      serviceTypeId,
      serviceDate: data.dateProvided,
      ...(data.faAmountCents === null ? {} : { amountCents: data.faAmountCents }),
    });
    await tx.query('RELEASE SAVEPOINT imported_service');
    await settleService(tx, row, { recordedAs: saved.id }, now);
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT imported_service');
    const refusal = reasonOf(err);
    deps.logger.warn({ servicesId: data.servicesId, refusal }, 'imported service refused');
    await settleService(tx, row, { refused: refusal }, now);
  }
}
