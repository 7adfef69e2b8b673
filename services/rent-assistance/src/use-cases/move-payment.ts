import type { Actor } from '@hearth/auth';
import { authorOf, type EventAuthor } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { conflict, forbidden, idempotently, requireCurrentVersion } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { canMove } from '../domain/payment';
import { findPayment, movePayment, type Payment } from '../store/payments';
import { findRecord } from '../store/records';
import { findWorkforcePayment, type WorkforcePayment } from '../store/workforce-payments';
import { findWorkforceRecord } from '../store/workforce-records';
import { requireHubStaff } from './hub-decision';
import { announcePayment } from './payment-events';
import { announceWorkforcePayment } from './workforce-payment-events';

export type PaymentMove = { to: 'approved' } | { to: 'paid' } | { to: 'voided'; reason: string };

/**
 * Move a payment along pending → approved → paid, or void it with a reason (never deleted). Only
 * the hub's staff; approval by a second hub user, never the one who entered it. Idempotent per key.
 * A rent payment and a Keys to Progress one (training, support) move by the same rules.
 */
export function changePaymentStatus(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  paymentId: string,
  move: PaymentMove & { version: number },
  idempotencyKey: string,
): Promise<Payment | WorkforcePayment> {
  const request = { method: 'POST', path: `/payments/${paymentId}/${move.to}`, body: move };
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      deps.clock(),
      async () => {
        const entry = await ledgerEntry(tx, paymentId);
        const payment = entry.current;
        requireHubStaff(actor, entry);
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
        return { status: 200, body: await entry.announce(authorOf(actor)) };
      },
    );
    return answer.body;
  });
}

/**
 * The payment of either kind (locked; the gate found it), the hub of its record, and the re-read
 * and event of its change.
 */
async function ledgerEntry(tx: Queryable, paymentId: string) {
  const rent = await findPayment(tx, paymentId, true);
  if (rent) {
    const record = (await findRecord(tx, rent.enrollmentId))!;
    return {
      current: rent as Payment | WorkforcePayment,
      hubOrgId: record.hubOrgId,
      announce: async (author: EventAuthor) => {
        const moved = (await findPayment(tx, paymentId))!;
        await announcePayment(tx, author, record, moved);
        return moved;
      },
    };
  }
  const current = (await findWorkforcePayment(tx, paymentId, true))!;
  const record = (await findWorkforceRecord(tx, current.enrollmentId))!;
  return {
    current,
    hubOrgId: record.hubOrgId,
    announce: async (author: EventAuthor) => {
      const moved = (await findWorkforcePayment(tx, paymentId))!;
      await announceWorkforcePayment(tx, author, record, moved);
      return moved;
    },
  };
}
