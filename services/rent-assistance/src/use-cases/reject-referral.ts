import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { unprocessable } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { isLiveNoteOf } from '../store/case-notes';
import { findRecord, markPreProgramExit, type RaRecord } from '../store/records';
import { hubDecisionDay } from './hub-decision';
import { announcePreProgramExit } from './record-events';

/**
 * The hub does not accept the referral: pre-program exit on its today, with the case note that
 * says why (required: a live note of the hub about this participant).
 */
export async function rejectReferral(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  caseNoteId: string,
): Promise<RaRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const record = (await findRecord(tx, enrollmentId, true))!; // the gate found it
    const today = await hubDecisionDay(tx, deps.clock, actor, record);
    if (!(await isLiveNoteOf(tx, caseNoteId, record.participantId, record.hubOrgId)))
      throw unprocessable('A rejection needs the case note explaining it.', [
        { field: 'caseNoteId', message: 'Not a case note of the hub about this participant' },
      ]);
    await markPreProgramExit(tx, enrollmentId, {
      on: today,
      reason: 'referral_rejected',
      caseNoteId,
    });
    const exited = (await findRecord(tx, enrollmentId))!;
    await announcePreProgramExit(tx, authorOf(actor), exited);
    return exited;
  });
}
