import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { idempotently } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { checkWorkforcePayment, type WorkforcePaymentEntry } from '../domain/workforce-payment';
import {
  committedOf,
  findWorkforcePayment,
  insertWorkforcePayment,
  planLinesOf,
  type WorkforcePayment,
} from '../store/workforce-payments';
import { findWorkforceRecord, findWorkforceService } from '../store/workforce-records';
import { announceWorkforcePayment } from './workforce-payment-events';

/**
 * Enter a training or support payment, pending (the route passed the record's gate for writing).
 * The record's row is locked first, so its payments are added one at a time and never sum over
 * the plan's planned amount; a refusal writes nothing. A retry with the same Idempotency-Key
 * answers the payment entered the first time (another body under it: 422).
 */
export function recordWorkforcePayment(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  entry: WorkforcePaymentEntry,
  idempotencyKey: string,
): Promise<WorkforcePayment> {
  const path = entry.category === 'training_education' ? 'training-education' : 'support-services';
  const request = { method: 'POST', path: `/payments/${path}`, body: entry };
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      deps.clock(),
      async () => {
        const record = (await findWorkforceRecord(tx, entry.enrollmentId, true))!; // gate found it
        // read after the lock, in statements of their own: they see every earlier payment
        const committed = await committedOf(tx, record.enrollmentId);
        const plan = await planLinesOf(tx, record.enrollmentId);
        checkWorkforcePayment(
          {
            actor,
            record,
            today: await organizationToday(tx, actor.orgId, deps.clock),
            trainingService:
              entry.category === 'training_education'
                ? await findWorkforceService(tx, entry.trainingServiceId)
                : undefined,
            plan,
            committed,
          },
          entry,
        );
        const id = randomUUID();
        await insertWorkforcePayment(tx, id, entry, actor.userId, deps.clock());
        const payment = (await findWorkforcePayment(tx, id))!;
        await announceWorkforcePayment(tx, authorOf(actor), record, payment);
        return { status: 201, body: payment };
      },
    );
    return answer.body;
  });
}
