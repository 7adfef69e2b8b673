import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { Problem, idempotently, type FieldError } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import type { PaymentBatchBody } from '../domain/payment-batch';
import { enterPayment } from './record-payment';

export interface RowResult {
  row: number;
  status: number;
  paymentId: string | null;
  detail: string | null;
  errors: FieldError[];
}

/** May the actor write this record? The batch asks once per record (the route's gate). */
export type RecordGate = (enrollmentId: string) => Promise<void>;

/**
 * The finance hub's batch: each row entered by the rules of one payment, in a savepoint of its own
 * so a refused row leaves nothing and the others stand; each row's `rowKey` is its own
 * Idempotency-Key (a row sent again, alone or in another batch, answers the payment it made), and
 * the batch's key replays the whole answer.
 */
export function recordPaymentBatch(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  body: PaymentBatchBody,
  idempotencyKey: string,
  gate: RecordGate,
): Promise<{ results: RowResult[] }> {
  const request = { method: 'POST', path: '/payments/batch', body };
  const now = deps.clock();
  const gates = new Map<string, Promise<void>>();
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      now,
      async () => {
        const results: RowResult[] = [];
        for (const [row, { rowKey, ...payment }] of body.payments.entries()) {
          if (!gates.has(payment.enrollmentId)) {
            const decided = gate(payment.enrollmentId);
            // awaited only inside the row's savepoint: a denial arriving before then must not
            // count as unhandled, which stops the process
            decided.catch(() => undefined);
            gates.set(payment.enrollmentId, decided);
          }
          results.push(
            await inSavepoint(tx, row, async () => {
              await gates.get(payment.enrollmentId);
              const entered = await idempotently(
                tx,
                { actorId: actor.userId, key: `payment-row:${rowKey}`, request: payment },
                now,
                async () => ({ status: 201, body: await enterPayment(tx, deps, actor, payment) }),
              );
              return entered.body.id;
            }),
          );
        }
        return { status: 200, body: { results } };
      },
    );
    return answer.body;
  });
}

async function inSavepoint(
  tx: Queryable,
  row: number,
  write: () => Promise<string>,
): Promise<RowResult> {
  await tx.query('SAVEPOINT payment_row');
  try {
    const paymentId = await write();
    await tx.query('RELEASE SAVEPOINT payment_row');
    return { row, status: 201, paymentId, detail: null, errors: [] };
  } catch (err) {
    await tx.query('ROLLBACK TO SAVEPOINT payment_row');
    if (!(err instanceof Problem)) throw err;
    return {
      row,
      status: err.status,
      paymentId: null,
      detail: err.detail ?? null,
      errors: err.errors ?? [],
    };
  }
}
