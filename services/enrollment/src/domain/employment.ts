import type { FieldError } from '@hearth/http';
import type { confirmationPeriods } from '@hearth/events';
import { quarterAfterExit, type QuarterAfterExit } from './quarters';

/** What a job's rules look at. */
export interface JobDates {
  startDate: string;
  endDate: string | null;
}

/** What is wrong with a job's dates (new, or as a change leaves them); empty when it may stand. */
export function employmentProblems(
  job: JobDates,
  today: string,
  payDates: readonly string[] = [],
  confirmationDates: readonly string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  if (job.startDate > today)
    errors.push({ field: 'startDate', message: `Must not be in the future (today is ${today})` });
  if (job.endDate !== null && job.endDate < job.startDate)
    errors.push({
      field: 'endDate',
      message: `Must not be before the start date ${job.startDate}`,
    });
  // pay entries already recorded must stay inside the job
  const first = [...payDates].sort()[0];
  const last = [...payDates].sort().at(-1);
  if (first && first < job.startDate)
    errors.push({ field: 'startDate', message: `A pay entry is effective from ${first} already` });
  if (last && job.endDate !== null && last > job.endDate)
    errors.push({ field: 'endDate', message: `A pay entry is effective from ${last} already` });
  const confirmed = [...confirmationDates].sort()[0];
  if (confirmed && confirmed < job.startDate)
    errors.push({ field: 'startDate', message: `The job was confirmed on ${confirmed} already` });
  return errors;
}

/** A pay and benefits entry takes effect while the job lasts, and not in the future. */
export function payEntryProblems(
  job: JobDates,
  effectiveDate: string,
  today: string,
): FieldError[] {
  const field = 'effectiveDate';
  if (effectiveDate < job.startDate)
    return [{ field, message: `Must not be before the job's start date ${job.startDate}` }];
  if (job.endDate !== null && effectiveDate > job.endDate)
    return [{ field, message: `Must not be after the job's end date ${job.endDate}` }];
  if (effectiveDate > today)
    return [{ field, message: `Must not be in the future (today is ${today})` }];
  return [];
}

export type ConfirmationPeriod = (typeof confirmationPeriods)[number];

export interface ConfirmationRequest {
  confirmationDate: string;
  period: ConfirmationPeriod;
  periodStart: string;
  periodEnd: string;
}

const QUARTER: Partial<Record<ConfirmationPeriod, QuarterAfterExit>> = {
  q1: 1,
  q2: 2,
  q3: 3,
  q4: 4,
};
const ORDINAL = ['', 'first', 'second', 'third', 'fourth'];

/**
 * What is wrong with a confirmation of a job: dated from the job's start to today, before the exit
 * for "before exit", and a quarter confirmation only inside its quarter after the exit quarter.
 */
export function confirmationProblems(
  job: JobDates,
  exitDate: string | null,
  c: ConfirmationRequest,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const date = c.confirmationDate;
  if (date > today)
    errors.push({
      field: 'confirmationDate',
      message: `Must not be in the future (today is ${today})`,
    });
  if (date < job.startDate)
    errors.push({
      field: 'confirmationDate',
      message: `Must not be before the job's start date ${job.startDate}`,
    });
  if (c.periodEnd < c.periodStart)
    errors.push({ field: 'periodEnd', message: `Must not be before periodStart ${c.periodStart}` });
  const quarter = QUARTER[c.period];
  if (c.period === 'before_exit' && exitDate !== null && date > exitDate)
    errors.push({
      field: 'confirmationDate',
      message: `A before-exit confirmation must be dated on or before the exit date ${exitDate}`,
    });
  else if (c.period !== 'before_exit' && exitDate === null)
    errors.push({ field: 'period', message: 'The enrollment has no exit yet' });
  else if (c.period === 'at_exit' && exitDate !== null && date < exitDate)
    errors.push({
      field: 'confirmationDate',
      message: `An at-exit confirmation must be dated on or after the exit date ${exitDate}`,
    });
  else if (quarter && exitDate !== null) {
    const { start, end } = quarterAfterExit(exitDate, quarter);
    if (date < start || date > end)
      errors.push({
        field: 'confirmationDate',
        message: `A ${c.period} confirmation must be dated in the ${ORDINAL[quarter]} quarter after the exit quarter, ${start} to ${end}`,
      });
  }
  return errors;
}
