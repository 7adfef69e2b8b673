import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { conflict, forbidden, idempotently, requireCurrentVersion } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { canMove } from '../domain/payment';
import { findPayment, movePayment, type Payment } from '../store/payments';
import { findRecord } from '../store/records';
import { requireHubStaff } from './hub-decision';
import { announcePayment } from './payment-events';

export type PaymentMove = { to: 'approved' } | { to: 'paid' } | { to: 'voided'; reason: string };

/**
 * Move a payment along pending → approved → paid, or void it with a reason (never deleted). Only
 * the hub's staff; approval by a second hub user, never the one who entered it. Idempotent per key.
 */
export function changePaymentStatus(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  paymentId: string,
  move: PaymentMove & { version: number },
  idempotencyKey: string,
): Promise<Payment> {
  const request = { method: 'POST', path: `/payments/${paymentId}/${move.to}`, body: move };
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      deps.clock(),
      async () => {
        const payment = (await findPayment(tx, paymentId, true))!; // the gate found it
        const record = (await findRecord(tx, payment.enrollmentId))!;
        requireHubStaff(actor, record);
        requireCurrentVersion('payment', payment.version, move.version);
        if (!canMove(payment.status, move.to))
          throw conflict(`A ${payment.status} payment cannot become ${move.to}.`, [
            { field: 'status', message: `It is ${payment.status}` },
          ]);
        if (move.to === 'approved' && payment.enteredBy === actor.userId)
          throw forbidden(
            'A payment is approved by a second hub user, never the one who entered it.',
          );
        await movePayment(tx, paymentId, {
          status: move.to,
          by: actor.userId,
          at: deps.clock(),
          voidReason: move.to === 'voided' ? move.reason : undefined,
          approvedBy: move.to === 'approved' ? actor.userId : undefined,
        });
        const moved = (await findPayment(tx, paymentId))!;
        await announcePayment(tx, authorOf(actor), record, moved);
        return { status: 200, body: moved };
      },
    );
    return answer.body;
  });
}
