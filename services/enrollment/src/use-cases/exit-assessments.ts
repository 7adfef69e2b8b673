import type { Queryable } from '@hearth/db';
import type { FieldError } from '@hearth/http';
import { requiresExitAssessment } from '../domain/hmis-requirements';
import type { EnrollmentRecord } from '../store/enrollments';
import { exitAssessedOn, hasAssessmentAt, lastAssessedOn } from '../store/hmis-assessments';
import { requirementsOf } from '../store/hmis-requirements';
import { currentMembers } from '../store/members';

/**
 * What the enrollment's HUD assessments say against this exit: a current member's exit
 * assessment dated otherwise (HUD dates it the exit), an assessment dated after the exit date
 * would lie outside the enrollment; and where the program requires element sets at exit,
 * each current member's exit assessment comes first (HUD's exit data is collected at exit).
 */
export async function exitAssessmentProblems(
  db: Queryable,
  enrollment: EnrollmentRecord,
  exitDate: string,
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const members = await currentMembers(db, enrollment.id);
  const exitAssessed = new Set<string>();
  for (const m of members) {
    const on = await exitAssessedOn(db, enrollment.id, m.participantId);
    if (on && on !== exitDate) exitAssessed.add(on);
  }
  const last = await lastAssessedOn(db, enrollment.id);
  // HUD: an exit assessment is dated the exit, so the exit takes its date
  if (exitAssessed.size)
    problems.push({
      field: 'exitDate',
      message: `The exit assessments are dated ${[...exitAssessed].sort().join(', ')}: the exit is dated the same`,
    });
  else if (last && last > exitDate)
    problems.push({
      field: 'exitDate',
      message: `An assessment of this enrollment is dated ${last}, after this exit date`,
    });
  if (!requiresExitAssessment((await requirementsOf(db, enrollment.programId)).stages))
    return problems;
  for (const m of members)
    if (!(await hasAssessmentAt(db, enrollment.id, m.participantId, 'exit')))
      problems.push({
        field: 'exitAssessment',
        message: `The program requires an exit assessment of member ${m.participantId} first`,
      });
  return problems;
}
