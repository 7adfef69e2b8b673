import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { WorkforcePaymentPlanChanged, createEvent } from '@hearth/events';
import { unprocessable } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { planProblems, planView, type WorkforcePlanBody } from '../domain/workforce-plan';
import { committedOf, planLinesOf, replacePlanLines } from '../store/workforce-payments';
import { findWorkforceRecord } from '../store/workforce-records';
import { requireHubStaff } from './hub-decision';

/**
 * Set a workforce record's payment plan (the hub's staff; the route passed the gate). The record's
 * row is locked as a payment locks it, so a plan never drops below payments entered meanwhile.
 */
export function setWorkforcePlan(
  deps: Pick<RentAssistanceDeps, 'pool'>,
  actor: Actor,
  enrollmentId: string,
  body: WorkforcePlanBody,
) {
  return withTransaction(deps.pool, async (tx) => {
    const record = (await findWorkforceRecord(tx, enrollmentId, true))!;
    requireHubStaff(actor, record);
    const committed = await committedOf(tx, enrollmentId);
    const problems = planProblems(body, committed);
    if (problems.length) throw unprocessable('The plan is below its payments.', problems);
    await replacePlanLines(tx, enrollmentId, body.lines);
    const lines = await planLinesOf(tx, enrollmentId);
    await recordEvent(
      tx,
      createEvent(WorkforcePaymentPlanChanged, {
        orgId: record.hubOrgId,
        ...authorOf(actor),
        data: {
          enrollmentId,
          participantId: record.participantId,
          hubOrgId: record.hubOrgId,
          lines,
        },
      }),
    );
    return planView(lines, committed);
  });
}
