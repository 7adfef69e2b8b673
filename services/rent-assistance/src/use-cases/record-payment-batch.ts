import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvents } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import {
  Problem,
  claimIdempotencyKeys,
  idempotently,
  notFound,
  onUniqueViolation,
  releaseIdempotencyKeys,
  conflict,
  type FieldError,
} from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import type { RecordPaymentBody } from '../domain/payment';
import type { PaymentBatchBody } from '../domain/payment-batch';
import { checkPayment, paidMonthKey } from '../domain/payment-rules';
import {
  engagementOf,
  insertPayments,
  lockedPlansAndRecords,
  paidMonthsAmong,
} from '../store/payment-batch';
import { committedOfEpisode, episodesOf } from '../store/person-records';
import { committedOfRecords, recordsAmong, type RaRecord } from '../store/records';
import { paymentEvent } from './payment-events';

export interface RowResult {
  row: number;
  status: number;
  paymentId: string | null;
  detail: string | null;
  errors: FieldError[];
}

/** The records of `enrollmentIds` the actor may write (the route's gate); any other is a 404. */
export type RecordsGate = (enrollmentIds: string[]) => Promise<Map<string, RaRecord>>;

/**
 * The finance hub's batch, set-based: every record, plan, engagement and month already paid the
 * rows name is read in a few statements, each row is decided in memory by the rules of one payment
 * (checkPayment), the accepted rows go in one INSERT and their events in one outbox insert. Rows
 * are decided in order against what the rows before them took (a plan's cap, a month paid), so a
 * refused row leaves nothing and the others stand. Each row's `rowKey` is its own Idempotency-Key
 * (a row sent again, alone or in another batch, answers the payment it made); the batch's key
 * replays the whole answer.
 */
export function recordPaymentBatch(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  body: PaymentBatchBody,
  idempotencyKey: string,
  gate: RecordsGate,
): Promise<{ results: RowResult[] }> {
  const request = { method: 'POST', path: '/payments/batch', body };
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      now,
      async () => ({
        status: 200,
        body: { results: await enterRows(tx, deps, actor, body, gate) },
      }),
    );
    return answer.body;
  });
}

async function enterRows(
  tx: Queryable,
  deps: Pick<RentAssistanceDeps, 'clock'>,
  actor: Actor,
  body: PaymentBatchBody,
  gate: RecordsGate,
): Promise<RowResult[]> {
  const now = deps.clock();
  const rows = body.payments.map(({ rowKey, ...payment }) => ({
    key: `payment-row:${rowKey}`,
    id: randomUUID(), // the payment's id if the row is entered: its key keeps it beforehand
    payment: payment as RecordPaymentBody,
  }));
  const writable = await gate([...new Set(rows.map((r) => r.payment.enrollmentId))]);
  const claims = await claimIdempotencyKeys<{ id: string }>(
    tx,
    actor.userId,
    rows.map((r) => ({
      key: r.key,
      request: r.payment,
      answer: { status: 201, body: { id: r.id } },
    })),
    now,
  );
  const fresh = rows.filter((r, i) => claims[i]!.claimed && writable.has(r.payment.enrollmentId));
  const enrollmentIds = [...new Set(fresh.map((r) => r.payment.enrollmentId))];
  // each record with its person's other open records in the program: locked and counted together
  const episodes = await episodesOf(tx, await recordsAmong(tx, enrollmentIds));
  const { plans, records } = await lockedPlansAndRecords(
    tx,
    [...new Set(fresh.map((r) => r.payment.planId))],
    [...new Set([...enrollmentIds, ...[...episodes.values()].flat()])],
  );
  const { firstCoaching, finalRentExit, engagedMonths } = await engagementOf(tx, enrollmentIds);
  const paid = await paidMonthsAmong(
    tx,
    fresh.map((r) => r.payment),
  );
  const committed = new Map([...plans.values()].map((p) => [p.id, p.committedCents]));
  const byRecord = await committedOfRecords(tx, [...new Set([...episodes.values()].flat())]);
  const episodeOf = (enrollmentId: string) => episodes.get(enrollmentId)?.[0] ?? enrollmentId;
  const recordCommitted = new Map(
    [...episodes.values()].map((e) => [e[0]!, committedOfEpisode(e, byRecord)]),
  );
  const today = await organizationToday(tx, actor.orgId, deps.clock);

  const results: RowResult[] = [];
  const accepted: Array<{ id: string; body: RecordPaymentBody }> = [];
  const refusedKeys: string[] = [];
  for (const [row, { key, id, payment }] of rows.entries()) {
    const claim = claims[row]!;
    const record = records.get(payment.enrollmentId);
    try {
      if (!writable.has(payment.enrollmentId) || (claim.claimed && !record))
        throw notFound('The rent-assistance record');
      if (!claim.claimed) {
        if ('refused' in claim) throw claim.refused;
        results.push(entered(row, claim.body.id));
        continue;
      }
      const plan = plans.get(payment.planId);
      const facts = {
        actor,
        record: record!,
        plan: plan && { ...plan, committedCents: committed.get(plan.id)! },
        recordCommittedCents: recordCommitted.get(episodeOf(payment.enrollmentId))!,
        today,
        firstCoachingDate: firstCoaching.get(payment.enrollmentId) ?? null,
        finalRentExitDate: finalRentExit.get(payment.enrollmentId) ?? null,
        engagedMonths: engagedMonths.get(payment.enrollmentId) ?? new Set<string>(),
        monthPaid: paid.has(paidMonthKey(payment)),
      };
      checkPayment(facts, payment);
      committed.set(plan!.id, facts.plan!.committedCents + payment.amountCents);
      recordCommitted.set(
        episodeOf(payment.enrollmentId),
        facts.recordCommittedCents + payment.amountCents,
      );
      if (!payment.adjustmentReason) paid.add(paidMonthKey(payment));
      accepted.push({ id, body: payment });
      results.push(entered(row, id));
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      if (claim.claimed) refusedKeys.push(key);
      results.push({
        row,
        status: err.status,
        paymentId: null,
        detail: err.detail ?? null,
        errors: err.errors ?? [],
      });
    }
  }

  // the locks taken above keep the month-once index quiet; should it fire all the same, the whole
  // batch is the 409 and nothing stands
  const payments = await insertPayments(tx, accepted, actor.userId, now).catch(
    onUniqueViolation(conflict('A month of a row was paid meanwhile; send the batch again.')),
  );
  const author = authorOf(actor);
  await recordEvents(
    tx,
    payments.map((p) => paymentEvent(author, records.get(p.enrollmentId)!, p)),
  );
  await releaseIdempotencyKeys(tx, actor.userId, refusedKeys);
  return results;
}

const entered = (row: number, paymentId: string): RowResult => ({
  row,
  status: 201,
  paymentId,
  detail: null,
  errors: [],
});
