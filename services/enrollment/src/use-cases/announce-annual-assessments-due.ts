import { recordEvent, systemAuthor } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { createEvent, HmisAnnualAssessmentDue } from '@hearth/events';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { annualAssessmentsDue, markAnnounced } from '../store/annual-due';

const author = systemAuthor('Annual assessment due (system)');

/** One pass: each enrollment whose window opened (and is still lacking) is announced once. */
export async function announceAnnualAssessmentsDue(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
): Promise<number> {
  let announced = 0;
  for (const due of await annualAssessmentsDue(deps.pool, dateOf(deps.clock())))
    await withTransaction(deps.pool, async (tx) => {
      if (!(await markAnnounced(tx, due.enrollmentId, due.anniversary))) return;
      await recordEvent(
        tx,
        createEvent(HmisAnnualAssessmentDue, {
          orgId: due.orgId,
          ...author,
          data: {
            enrollmentId: due.enrollmentId,
            orgId: due.orgId,
            headParticipantId: due.headParticipantId,
            participantIds: due.participantIds,
            anniversaryDate: due.anniversary,
            dueFrom: due.from,
            dueBy: due.to,
          },
        }),
      );
      announced += 1;
    });
  return announced;
}
