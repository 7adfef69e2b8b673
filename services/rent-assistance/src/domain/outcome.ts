import { z } from 'zod';
import { raHousingOutcomes, raOutcomeTypes } from '@hearth/events';
import { isoDate, type FieldError } from '@hearth/http';
import { addMonths } from '@hearth/time';

export const recordOutcomeBody = z.strictObject({
  type: z.enum(raOutcomeTypes),
  housingStatus: z.enum(raHousingOutcomes),
});
export type RecordOutcomeBody = z.infer<typeof recordOutcomeBody>;
export type OutcomeType = RecordOutcomeBody['type'];

const RETENTION_MONTHS = { six_month_retention: 6, twelve_month_retention: 12 } as const;

/**
 * When an outcome may be recorded: at exit from the exit date (the last day of the last month
 * paid: assistance ended), a retention once a full 6 or 12 months have passed since (2026-03-31 →
 * 2026-09-30; a day the month lacks is its last day).
 */
export const outcomeDueOn = (exitDate: string, type: OutcomeType) =>
  type === 'at_exit' ? exitDate : addMonths(exitDate, RETENTION_MONTHS[type]);

/**
 * The rules of an outcome (I-Trac RA guide, Outcomes Control): only on a record exited after the
 * program (a pre-program exit is out of performance), not before it is due, and retention only
 * when the participant was housed at exit, unless the episode is marked "received RA again".
 */
export function outcomeProblems(
  r: { exitDate: string | null; preProgramExitOn: string | null; atExit: string | null },
  today: string,
  body: RecordOutcomeBody,
): FieldError[] {
  if (r.preProgramExitOn)
    return [{ field: 'enrollmentId', message: 'A pre-program exit has no outcomes' }];
  if (!r.exitDate)
    return [{ field: 'enrollmentId', message: 'Not exited: outcomes come at exit and after' }];
  const due = outcomeDueOn(r.exitDate, body.type);
  const problems: FieldError[] = [];
  if (today < due) problems.push({ field: 'type', message: `Due on ${due}` });
  if (
    body.type !== 'at_exit' &&
    body.housingStatus !== 'received_ra_again' &&
    r.atExit !== 'housed'
  )
    problems.push({
      field: 'type',
      message: `Retention only when housed at exit (at exit: ${r.atExit ?? 'not recorded'})`,
    });
  return problems;
}

export const measuresQuery = z
  .strictObject({ from: isoDate(), to: isoDate() })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'On or after from' });
export type MeasuresQuery = z.infer<typeof measuresQuery>;

/** Housed of a cohort, in percent with one decimal; none when the cohort is empty. */
export const percentHoused = (housed: number, cohort: number) =>
  cohort ? Math.round((housed * 1000) / cohort) / 10 : null;
