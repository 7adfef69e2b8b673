import type { FieldError } from '@hearth/http';
import { activeOn, type EnrollmentFacts } from './service-record';

/** What a grade promotion is checked against: the enrollment as the read model knows it. */
export interface PromotionEnrollment extends EnrollmentFacts {
  orgId: string;
  programKind: string | null;
}

/**
 * Where one student's grade promotion may be recorded (WRPD guide, "RSI Grade Promotion"): an
 * enrollment of the actor's organization that covers the student, of a Refugee School Impact
 * program, active on the promotion date; never a future date. `at` names the student's row.
 */
export function promotionProblems(
  student: { participantId: string },
  enrollment: PromotionEnrollment | undefined,
  promotionDate: string,
  orgId: string,
  at: string,
): FieldError[] {
  // another organization's or another participant's enrollment reads like an unknown one
  if (
    !enrollment ||
    enrollment.orgId !== orgId ||
    !enrollment.memberIds.includes(student.participantId)
  )
    return [{ field: `${at}.enrollmentId`, message: 'Not an enrollment of this participant' }];
  if (enrollment.programKind !== 'rsi')
    return [
      {
        field: `${at}.enrollmentId`,
        message: 'Grade promotions are for Refugee School Impact (RSI) enrollments only',
      },
    ];
  if (!activeOn(enrollment, promotionDate))
    return [
      {
        field: `${at}.enrollmentId`,
        message: 'The enrollment is not active on the promotion date',
      },
    ];
  return [];
}

/** The rows that name a student already named by an earlier row (one promotion a day each). */
export function repeatedStudents(students: ReadonlyArray<{ participantId: string }>): number[] {
  const seen = new Set<string>();
  return students.flatMap((s, i) => {
    const again = seen.has(s.participantId);
    seen.add(s.participantId);
    return again ? [i] : [];
  });
}
