import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { RentAssistancePlanChanged, createEvent, type raPaymentTypes } from '@hearth/events';
import { conflict, requireCurrentVersion, unprocessable, type FieldError } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import type { ChangePlanBody, CreatePlanBody } from '../domain/plan';
import { findPlan, insertPlan, updatePlan, type PaymentPlan } from '../store/plans';
import { findRecord, type RaRecord } from '../store/records';
import { requireHubStaff, requireOpenReviewedRecord } from './hub-decision';

/** A payment and services plan for one funding source of a reviewed, open record (the hub's). */
export function createPlan(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  body: CreatePlanBody,
): Promise<PaymentPlan> {
  return withTransaction(deps.pool, async (tx) => {
    const record = (await findRecord(tx, enrollmentId, true))!; // the gate found it
    requireHubStaff(actor, record);
    requireOpenReviewedRecord(record);
    const id = randomUUID();
    const made = await insertPlan(tx, {
      id,
      enrollmentId,
      ...body,
      createdBy: actor.userId,
      createdAt: deps.clock(),
    });
    if (!made)
      throw conflict('The record has a plan for this funding source already.', [
        { field: 'fundingSource', message: `${body.fundingSource} has its plan` },
      ]);
    return announcePlan(tx, actor, record, id);
  });
}

/**
 * Change a plan: extend its target end date, set its end date (with the housing status at
 * funding end, required then), its approved types or its cap (never below what it committed).
 */
export function changePlan(
  deps: Pick<RentAssistanceDeps, 'pool'>,
  actor: Actor,
  planId: string,
  body: ChangePlanBody,
): Promise<PaymentPlan> {
  return withTransaction(deps.pool, async (tx) => {
    const plan = (await findPlan(tx, planId, true))!; // the gate found it
    const record = (await findRecord(tx, plan.enrollmentId))!;
    requireHubStaff(actor, record);
    requireCurrentVersion('plan', plan.version, body.version);
    const next: PaymentPlan = {
      ...plan,
      approvedPaymentTypes: body.approvedPaymentTypes ?? plan.approvedPaymentTypes,
      capCents: body.capCents ?? plan.capCents,
      targetEndDate: body.targetEndDate ?? plan.targetEndDate,
      endDate: body.endDate === undefined ? plan.endDate : body.endDate,
      housingStatusAtFundingEnd:
        body.housingStatusAtFundingEnd === undefined
          ? plan.housingStatusAtFundingEnd
          : body.housingStatusAtFundingEnd,
    };
    const problems: FieldError[] = [];
    if (next.endDate && !next.housingStatusAtFundingEnd)
      problems.push({
        field: 'housingStatusAtFundingEnd',
        message: 'Required when the plan has an end date',
      });
    if (next.capCents < plan.committedCents)
      problems.push({
        field: 'capCents',
        message: `Below the ${plan.committedCents} cents already committed`,
      });
    if (problems.length) throw unprocessable('The plan change breaks a rule.', problems);
    await updatePlan(tx, next);
    return announcePlan(tx, actor, record, planId);
  });
}

async function announcePlan(tx: Queryable, actor: Actor, record: RaRecord, planId: string) {
  const plan = (await findPlan(tx, planId))!;
  await recordEvent(
    tx,
    createEvent(RentAssistancePlanChanged, {
      orgId: record.hubOrgId,
      ...authorOf(actor),
      data: {
        enrollmentId: record.enrollmentId,
        participantId: record.participantId,
        hubOrgId: record.hubOrgId,
        planId,
        fundingSource: plan.fundingSource,
        approvedPaymentTypes: plan.approvedPaymentTypes as Array<(typeof raPaymentTypes)[number]>,
        capCents: plan.capCents,
        targetEndDate: plan.targetEndDate,
        endDate: plan.endDate,
        housingStatusAtFundingEnd: plan.housingStatusAtFundingEnd,
        version: plan.version,
      },
    }),
  );
  return plan;
}
