import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { RentAssistanceEngagementVerified, createEvent } from '@hearth/events';
import { conflict, unprocessable } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { checkDueDate, isEngaged, monthKey, type VerifyEngagementBody } from '../domain/engagement';
import { insertCheck, type EngagementCheck } from '../store/engagement';
import { findRecord } from '../store/records';

/**
 * The monthly engagement check of a record (the route has passed the gate for writing): once per
 * month, never for a month not begun on the verifier's calendar; after the 10th of the next month
 * it is kept and marked late.
 */
export async function verifyEngagement(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  body: VerifyEngagementBody,
): Promise<EngagementCheck> {
  return withTransaction(deps.pool, async (tx) => {
    const record = (await findRecord(tx, enrollmentId, true))!; // the gate found it
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    if (monthKey(body.year, body.month) > today.slice(0, 7))
      throw unprocessable('Engagement is verified for a month begun, not ahead.', [
        { field: 'month', message: `After the current month ${today.slice(0, 7)}` },
      ]);
    const check = await insertCheck(tx, {
      enrollmentId,
      year: body.year,
      month: body.month,
      activities: body.activities,
      engaged: isEngaged(body.activities),
      verifiedOn: today,
      verifiedBy: actor.userId,
      late: today > checkDueDate(body.year, body.month),
    });
    if (!check)
      throw conflict('This month was checked already.', [
        { field: 'month', message: `${monthKey(body.year, body.month)} has its check` },
      ]);
    await recordEvent(
      tx,
      createEvent(RentAssistanceEngagementVerified, {
        orgId: record.hubOrgId,
        ...authorOf(actor),
        data: {
          enrollmentId,
          participantId: record.participantId,
          hubOrgId: record.hubOrgId,
          year: check.year,
          month: check.month,
          activities: body.activities,
          engaged: check.engaged,
          verifiedOn: check.verifiedOn,
          late: check.late,
        },
      }),
    );
    return check;
  });
}
