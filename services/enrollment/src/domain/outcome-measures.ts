import { removesFromPerformance, type ExitReason } from './program-status';

/** What the measures need to know of one exited enrollment (store/outcome-cohort.ts). */
export interface ExitedEnrollment {
  enrollmentId: string;
  exitKind: string;
  exitReason: ExitReason;
  housingStatusAtExit: string | null;
  /** A working confirmation of an unsubsidized or career-track job. */
  unsubsidizedEmployment: boolean;
  /** A working Career Plan Employment confirmation. */
  careerTrackEmployment: boolean;
  /** Working confirmations in both the second and the fourth quarter after exit. */
  retainedQ2AndQ4: boolean;
  credentialAttained: boolean;
}

export interface Figure {
  count: number;
  of: number;
  /** One decimal; null when no enrollment counts toward the measures. */
  percent: number | null;
  /** The enrollments the count counted, so a contract manager can check each. */
  enrollmentIds: string[];
}

export type Exclusion = {
  enrollmentId: string;
  reason: 'pre_program_exit' | 'removed_from_performance';
};

const MEASURES = {
  unsubsidizedEmployment: (e: ExitedEnrollment) => e.unsubsidizedEmployment,
  careerTrackEmployment: (e: ExitedEnrollment) => e.careerTrackEmployment,
  retentionInEmployment: (e: ExitedEnrollment) => e.retainedQ2AndQ4,
  permanentHousingAtExit: (e: ExitedEnrollment) => e.housingStatusAtExit === 'permanent_housing',
  credentialAttainment: (e: ExitedEnrollment) => e.credentialAttained,
} as const;
export type MeasureName = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];

/**
 * The contract's outcome measures over the enrollments exited in a period: pre-program exits and
 * exits that remove a participant from performance (deceased, family care, health, institutionalized)
 * are left out of every figure, and each figure is a share of the enrollments that remain.
 */
export function outcomeMeasures(exited: readonly ExitedEnrollment[]) {
  const excluded: Exclusion[] = [];
  const counted: ExitedEnrollment[] = [];
  for (const e of exited) {
    if (e.exitKind === 'pre_program_exit')
      excluded.push({ enrollmentId: e.enrollmentId, reason: 'pre_program_exit' });
    else if (removesFromPerformance(e.exitKind, e.exitReason))
      excluded.push({ enrollmentId: e.enrollmentId, reason: 'removed_from_performance' });
    else counted.push(e);
  }
  const figure = (meets: (e: ExitedEnrollment) => boolean): Figure => {
    const ids = counted.filter(meets).map((e) => e.enrollmentId);
    const of = counted.length;
    return {
      count: ids.length,
      of,
      percent: of ? Math.round((ids.length * 1000) / of) / 10 : null,
      enrollmentIds: ids,
    };
  };
  const measures = Object.fromEntries(
    MEASURE_NAMES.map((name) => [name, figure(MEASURES[name])]),
  ) as Record<MeasureName, Figure>;
  return { counted: counted.map((e) => e.enrollmentId), excluded, measures };
}
