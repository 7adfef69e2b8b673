import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { RentAssistanceOutcomeRecorded, createEvent } from '@hearth/events';
import { conflict, forbidden, unprocessable } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import {
  outcomeProblems,
  percentHoused,
  type MeasuresQuery,
  type RecordOutcomeBody,
} from '../domain/outcome';
import { hubMeasures, insertOutcome, outcomesOf, type Outcome } from '../store/outcomes';
import { findRecord } from '../store/records';
import { requireHubStaff } from './hub-decision';

/**
 * The hub records a housing outcome of an exited record (the route has passed the record's gate):
 * once per type, on the hub's today, by the rules of `outcomeProblems`; with its event.
 */
export function recordOutcome(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  body: RecordOutcomeBody,
): Promise<Outcome> {
  return withTransaction(deps.pool, async (tx) => {
    const record = (await findRecord(tx, enrollmentId, true))!;
    requireHubStaff(actor, record);
    const today = await organizationToday(tx, record.hubOrgId, deps.clock);
    const atExit =
      (await outcomesOf(tx, enrollmentId)).find((o) => o.type === 'at_exit')?.housingStatus ?? null;
    const problems = outcomeProblems({ ...record, atExit }, today, body);
    if (problems.length) throw unprocessable('The outcome breaks a rule.', problems);
    const outcome = await insertOutcome(tx, {
      enrollmentId,
      ...body,
      recordedOn: today,
      recordedBy: actor.userId,
    });
    if (!outcome)
      throw conflict('This outcome is recorded already.', [
        { field: 'type', message: `The record has its ${body.type} outcome` },
      ]);
    await recordEvent(
      tx,
      createEvent(RentAssistanceOutcomeRecorded, {
        orgId: record.hubOrgId,
        ...authorOf(actor),
        data: {
          enrollmentId,
          participantId: record.participantId,
          hubOrgId: record.hubOrgId,
          type: outcome.type,
          housingStatus: outcome.housingStatus,
          recordedOn: outcome.recordedOn,
        },
      }),
    );
    return outcome;
  });
}

/** The hub's measures for a period: hub staff only, their own organization's episodes. */
export async function measuresOf(
  deps: Pick<RentAssistanceDeps, 'pool'>,
  actor: Actor,
  query: MeasuresQuery,
) {
  if (!actor.roles.includes('hub_staff'))
    throw forbidden("Only a hub's staff (hub_staff) read its measures.");
  const m = await hubMeasures(deps.pool, actor.orgId, query);
  const retention = (cohort: number, housed: number) => ({
    cohort,
    housed,
    percent: percentHoused(housed, cohort),
  });
  return {
    servedWithRrhOrHp: m.served,
    housedAt6Months: retention(m.cohort6, m.housed6),
    housedAt12Months: retention(m.cohort12, m.housed12),
  };
}
