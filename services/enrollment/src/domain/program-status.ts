import type { FieldError } from '@hearth/http';
import type { exitReasons } from '@hearth/events';
import { addDays, daysBetween } from '@hearth/time';

export type ExitReason = (typeof exitReasons)[number];
export type ManualExitKind = 'exit' | 'pre_program_exit';

/** Auto exit: more than this many days without a qualifying service. */
export const AUTO_EXIT_AFTER_DAYS = 90;
/** A contract manager may remove an exit this many days after it, so a returning client continues. */
export const EXIT_REMOVAL_WINDOW_DAYS = 90;

/** These exits take the participant out of all performance measures. */
const PERFORMANCE_REMOVING: ReadonlySet<ExitReason> = new Set([
  'deceased',
  'family_care',
  'health_medical',
  'institutionalized',
]);
export const removesFromPerformance = (kind: string, reason: ExitReason): boolean =>
  kind === 'exit' && PERFORMANCE_REMOVING.has(reason);

export interface EnrollmentDates {
  applicationDate: string;
  participationDate: string | null;
}

/** What is wrong with a manual exit; empty when it may be recorded. */
export function manualExitProblems(
  enrollment: EnrollmentDates,
  request: { kind: ManualExitKind; exitDate: string; reason: ExitReason },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const { applicationDate, participationDate } = enrollment;
  if (request.exitDate < applicationDate)
    errors.push({
      field: 'exitDate',
      message: `Must not be before the application date ${applicationDate}`,
    });
  if (request.exitDate > today)
    errors.push({ field: 'exitDate', message: `Must not be in the future (today is ${today})` });
  if (request.kind === 'exit' && participationDate === null)
    errors.push({
      field: 'kind',
      message: 'No service has started participation: record a pre_program_exit instead',
    });
  if (request.kind === 'exit' && participationDate && request.exitDate < participationDate)
    errors.push({
      field: 'exitDate',
      message: `Must not be before the participation date ${participationDate}`,
    });
  if (request.kind === 'pre_program_exit' && participationDate !== null)
    errors.push({
      field: 'kind',
      message: `Participation began on ${participationDate}: record an exit instead`,
    });
  if (request.reason === 'no_qualifying_service')
    errors.push({ field: 'reason', message: 'Only the auto exit uses this reason' });
  return errors;
}

/**
 * The last day an open enrollment may have had activity and still not be auto-exited on `today`:
 * activity on day 0 is exited on day 91, not on day 90.
 */
export const idleCutoff = (today: string): string => addDays(today, -AUTO_EXIT_AFTER_DAYS);
export const isIdle = (lastActivity: string, today: string): boolean =>
  daysBetween(lastActivity, today) > AUTO_EXIT_AFTER_DAYS;

/** Why an exit can no longer be removed, or null while it can. */
export function exitRemovalProblem(exitDate: string, today: string): FieldError | null {
  const days = daysBetween(exitDate, today);
  return days > EXIT_REMOVAL_WINDOW_DAYS
    ? {
        field: 'exitDate',
        message: `The exit was ${days} days ago; it can be removed within ${EXIT_REMOVAL_WINDOW_DAYS} days, after that enroll again`,
      }
    : null;
}
