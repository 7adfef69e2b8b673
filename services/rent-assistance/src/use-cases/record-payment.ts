import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { idempotently, onUniqueViolation } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import type { RecordPaymentBody } from '../domain/payment';
import { checkPayment, monthPaidAlready } from '../domain/payment-rules';
import { engagedMonthsOf } from '../store/engagement';
import { engagementDatesOf } from '../store/evidence';
import { findPayment, insertPayment, monthPaid, type Payment } from '../store/payments';
import { committedOfEpisode, episodesOf, lockRecords } from '../store/person-records';
import { findPlan } from '../store/plans';
import { committedOfRecords, findRecord } from '../store/records';
import { announcePayment } from './payment-events';

/**
 * Enter a payment, pending (the route has passed the record's gate for writing). The plan's row is
 * locked first, so payments against one plan are added one at a time and never sum over its cap;
 * every refusal of the rules is a 4xx naming the field, and nothing is written. A retry with the
 * same Idempotency-Key answers the payment entered the first time.
 */
export function recordPayment(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  body: RecordPaymentBody,
  idempotencyKey: string,
): Promise<Payment> {
  const request = { method: 'POST', path: '/payments', body };
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      deps.clock(),
      async () => ({ status: 201, body: await enterPayment(tx, deps, actor, body) }),
    );
    return answer.body;
  });
}

/** What the payment rules read of the services on the record. */
async function serviceDatesOf(tx: Queryable, enrollmentId: string) {
  const { firstCoachingDate, finalRentExitDate } = await engagementDatesOf(tx, enrollmentId);
  return { firstCoachingDate, finalRentExitDate };
}

/** The payment's rules and its row and event, in the caller's transaction. */
export async function enterPayment(
  tx: Queryable,
  deps: Pick<RentAssistanceDeps, 'clock'>,
  actor: Actor,
  body: RecordPaymentBody,
): Promise<Payment> {
  const plan = await findPlan(tx, body.planId, true);
  // the record and its person's other open records in the program, locked in id order: their
  // payments count against the total requested together (store/person-records.ts)
  const known = (await findRecord(tx, body.enrollmentId))!; // the gate found it
  const episode = (await episodesOf(tx, [known])).get(known.enrollmentId)!;
  await lockRecords(tx, episode);
  const record = (await findRecord(tx, body.enrollmentId, true))!;
  checkPayment(
    {
      actor,
      record,
      plan,
      recordCommittedCents: committedOfEpisode(episode, await committedOfRecords(tx, episode)),
      today: await organizationToday(tx, actor.orgId, deps.clock),
      ...(await serviceDatesOf(tx, record.enrollmentId)),
      engagedMonths: await engagedMonthsOf(tx, record.enrollmentId),
      monthPaid: !body.adjustmentReason && (await monthPaid(tx, body)),
    },
    body,
  );
  const id = randomUUID();
  await insertPayment(tx, id, body, actor.userId, deps.clock()).catch(
    onUniqueViolation(monthPaidAlready(body)),
  );
  const payment = (await findPayment(tx, id))!;
  await announcePayment(tx, authorOf(actor), record, payment);
  return payment;
}
