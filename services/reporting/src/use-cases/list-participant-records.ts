import type { ReportingDeps } from '../deps';
import { recordsOf } from '../store/records';

/** The records kept for one participant, newest first (the route has passed the gate). */
export function listParticipantRecords(deps: Pick<ReportingDeps, 'pool'>, participantId: string) {
  return recordsOf(deps.pool, participantId);
}
