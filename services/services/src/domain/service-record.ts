import type { FieldError } from '@hearth/http';

export const serviceStatuses = ['started', 'completed', 'not_completed', 'cancelled'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** What a worker may write on a service "instead of" a comment: the comment lives in a note. */
export const SEE_CASE_NOTE = 'See Case Note';

/** A catalog entry's rules, as the supervisor set them. */
export interface ServiceTypeRules {
  programId: string;
  requiresComment: boolean;
  requiresProvidedBy: boolean;
  providedByOptions: readonly string[];
  dated: boolean;
  training: boolean;
  unitsAllowed: boolean;
  amountAllowed: boolean;
}

export interface EnrollmentFacts {
  programId: string;
  applicationDate: string;
  exitDate: string | null;
  memberIds: readonly string[];
}

export interface ServiceFields {
  participantId: string;
  serviceDate: string;
  comment?: string;
  providedBy?: string;
  startDate?: string;
  targetEndDate?: string;
  status?: ServiceStatus;
  units?: number;
  amountCents?: number;
}

/** Active on a date: applied on or before it and not exited before it (the exit day counts). */
export const activeOn = (e: EnrollmentFacts, date: string) =>
  e.applicationDate <= date && (e.exitDate === null || date <= e.exitDate);

/** A service is never recorded ahead of the day it is given. */
export const futureDateProblems = (serviceDate: string, today: string): FieldError[] =>
  serviceDate > today ? [{ field: 'serviceDate', message: 'Must not be in the future' }] : [];

/**
 * Where a service may be recorded: an enrollment that covers the participant and is active on the
 * service date, never a future date (`today` in the time zone the caller chose).
 */
export function placementProblems(
  s: ServiceFields,
  enrollment: EnrollmentFacts | undefined,
  today: string,
): FieldError[] {
  const future = futureDateProblems(s.serviceDate, today);
  if (future.length) return future;
  // another participant's enrollment reads like an unknown one: no leak of who is enrolled where
  if (!enrollment || !enrollment.memberIds.includes(s.participantId))
    return [{ field: 'enrollmentId', message: 'Not an enrollment of this participant' }];
  if (!activeOn(enrollment, s.serviceDate))
    return [{ field: 'serviceDate', message: 'The enrollment is not active on this date' }];
  return [];
}

/** The catalog entry's rules for one service record (the type is of the enrollment's program). */
export function typeRuleProblems(
  s: Omit<ServiceFields, 'participantId'>,
  type: ServiceTypeRules,
): FieldError[] {
  const errors: FieldError[] = [];
  const problem = (field: string, message: string) => errors.push({ field, message });
  if (type.requiresComment && !s.comment)
    problem('comment', `This service type requires a comment (or "${SEE_CASE_NOTE}")`);
  if (type.requiresProvidedBy && s.providedBy === undefined)
    problem('providedBy', 'This service type requires who provided it');
  else if (s.providedBy !== undefined && !type.providedByOptions.includes(s.providedBy))
    problem('providedBy', `Must be one of: ${type.providedByOptions.join(', ') || '(none)'}`);
  if (!type.dated) {
    for (const field of ['startDate', 'targetEndDate', 'status'] as const)
      if (s[field] !== undefined) problem(field, 'This service type is not dated');
  } else {
    if (s.status === 'started' && !type.training)
      problem(
        'status',
        'Only a training may be started; record completed, not completed or cancelled',
      );
    else if (s.status === 'started' && !s.targetEndDate)
      problem('targetEndDate', 'A started training needs its target end date');
    if (s.startDate && s.targetEndDate && s.targetEndDate < s.startDate)
      problem('targetEndDate', 'Must not be before startDate');
  }
  if (s.units !== undefined && !type.unitsAllowed)
    problem('units', 'This service type takes no units');
  if (s.amountCents !== undefined && !type.amountAllowed)
    problem('amountCents', 'This service type takes no amount');
  return errors;
}
