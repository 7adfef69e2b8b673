import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { WorkforcePaymentPlanChanged, createEvent } from '@hearth/events';
import { requireCurrentVersion, unprocessable } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { planProblems, planView, type WorkforcePlanBody } from '../domain/workforce-plan';
import { committedOf, planLinesOf, replacePlanLines } from '../store/workforce-payments';
import { findWorkforceRecord, nextPlanVersion } from '../store/workforce-records';
import { requireHubStaff } from './hub-decision';

/**
 * Set a workforce record's payment plan (the hub's staff; the route passed the gate). The record's
 * row is locked as a payment locks it, so a plan never drops below payments entered meanwhile, and
 * two users' changes of one version are one after the other: the second is a 409.
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
    requireCurrentVersion('payment plan', record.planVersion, body.version);
    const committed = await committedOf(tx, enrollmentId);
    const problems = planProblems(body, committed);
    if (problems.length) throw unprocessable('The plan is below its payments.', problems);
    await replacePlanLines(tx, enrollmentId, body.lines);
    const lines = await planLinesOf(tx, enrollmentId);
    const version = await nextPlanVersion(tx, enrollmentId);
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
    return { lines: planView(lines, committed), version };
  });
}
