import {
  CONTRACT_MEASURE_NAMES,
  CONTRACT_MEASURES,
  measureExclusionOf,
  measurePercent,
  type ContractMeasure,
  type MeasuredFacts,
  type MeasureExclusion,
} from '@hearth/events';
import { removesFromPerformance, type ExitReason } from './program-status';

/** What the measures need to know of one exited enrollment (store/outcome-cohort.ts). */
export interface ExitedEnrollment extends MeasuredFacts {
  enrollmentId: string;
  exitKind: string;
  exitReason: ExitReason;
}

export interface Figure {
  count: number;
  of: number;
  /** One decimal; null when no enrollment counts toward the measures. */
  percent: number | null;
  /** The enrollments the count counted, so a contract manager can check each. */
  enrollmentIds: string[];
}

export type Exclusion = { enrollmentId: string; reason: MeasureExclusion };

export type MeasureName = ContractMeasure;
export const MEASURE_NAMES = CONTRACT_MEASURE_NAMES;

/**
 * The contract's outcome measures over the enrollments exited in a period (libs/events'
 * workforce-measures, the rule reporting's contract-outcomes report follows too): pre-program exits
 * and exits that remove a participant from performance are left out of every figure, and each
 * figure is a share of the enrollments that remain.
 */
export function outcomeMeasures(exited: readonly ExitedEnrollment[]) {
  const excluded: Exclusion[] = [];
  const counted: ExitedEnrollment[] = [];
  for (const e of exited) {
    const removedFromPerformance = removesFromPerformance(e.exitKind, e.exitReason);
    const reason = measureExclusionOf({ exitKind: e.exitKind, removedFromPerformance });
    if (reason) excluded.push({ enrollmentId: e.enrollmentId, reason });
    else counted.push(e);
  }
  const figure = (meets: (e: ExitedEnrollment) => boolean): Figure => {
    const ids = counted.filter(meets).map((e) => e.enrollmentId);
    const of = counted.length;
    return { count: ids.length, of, percent: measurePercent(ids.length, of), enrollmentIds: ids };
  };
  const measures = Object.fromEntries(
    MEASURE_NAMES.map((name) => [name, figure(CONTRACT_MEASURES[name])]),
  ) as Record<MeasureName, Figure>;
  return { counted: counted.map((e) => e.enrollmentId), excluded, measures };
}
