import type { Queryable } from '@hearth/db';
import type { FieldError } from '@hearth/http';
import { requiresExitAssessment } from '../domain/hmis-requirements';
import type { EnrollmentRecord } from '../store/enrollments';
import { hasAssessmentAt } from '../store/hmis-assessments';
import { requirementsOf } from '../store/hmis-requirements';
import { currentMembers } from '../store/members';

/**
 * Where the program requires element sets at exit, each current member's exit assessment comes
 * before the exit is recorded (HUD's exit data is collected at exit, never reconstructed later).
 */
export async function missingExitAssessments(
  db: Queryable,
  enrollment: EnrollmentRecord,
): Promise<FieldError[]> {
  if (!requiresExitAssessment((await requirementsOf(db, enrollment.programId)).stages)) return [];
  const problems: FieldError[] = [];
  for (const m of await currentMembers(db, enrollment.id))
    if (!(await hasAssessmentAt(db, enrollment.id, m.participantId, 'exit')))
      problems.push({
        field: 'exitAssessment',
        message: `The program requires an exit assessment of member ${m.participantId} first`,
      });
  return problems;
}
