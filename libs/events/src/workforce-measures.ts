/**
 * The workforce contract's outcome measures (DOMAIN, Workforce outcomes), as one rule for
 * enrollment (which holds the facts: `GET /programs/{id}/outcome-measures`) and reporting (which is
 * told them by the workforce events: its contract-outcomes report). Each service reads the facts
 * of an exited enrollment from its own tables; what counts, and who is left out, is decided here.
 */
export interface MeasuredFacts {
  housingStatusAtExit: string | null;
  /** A working confirmation of an unsubsidized or career-track job. */
  unsubsidizedEmployment: boolean;
  /** A working Career Plan Employment confirmation. */
  careerTrackEmployment: boolean;
  /** Working confirmations in both the second and the fourth quarter after exit. */
  retainedQ2AndQ4: boolean;
  credentialAttained: boolean;
}

/** What each measure counts an exited enrollment for. */
export const CONTRACT_MEASURES = {
  unsubsidizedEmployment: (e: MeasuredFacts) => e.unsubsidizedEmployment,
  careerTrackEmployment: (e: MeasuredFacts) => e.careerTrackEmployment,
  retentionInEmployment: (e: MeasuredFacts) => e.retainedQ2AndQ4,
  permanentHousingAtExit: (e: MeasuredFacts) => e.housingStatusAtExit === 'permanent_housing',
  credentialAttainment: (e: MeasuredFacts) => e.credentialAttained,
} as const;
export type ContractMeasure = keyof typeof CONTRACT_MEASURES;
export const CONTRACT_MEASURE_NAMES = Object.keys(CONTRACT_MEASURES) as ContractMeasure[];

export type MeasureExclusion = 'pre_program_exit' | 'removed_from_performance';

/**
 * Why an exit is left out of every measure, or null when it counts: a pre-program exit, or an exit
 * that removes the participant from performance (deceased, family care, health, institutionalized:
 * enrollment's `removesFromPerformance`, announced on its exit event as `removedFromPerformance`).
 */
export const measureExclusionOf = (e: {
  exitKind: string;
  removedFromPerformance: boolean;
}): MeasureExclusion | null =>
  e.exitKind === 'pre_program_exit'
    ? 'pre_program_exit'
    : e.removedFromPerformance
      ? 'removed_from_performance'
      : null;

/**
 * A share in percent with one decimal, for every report's percent (contract measures, data
 * quality, rent assistance); none counted: null. One rounding rule: half up on the exact share.
 * `met * 1000 / of` is one correctly rounded division of integers, so a share ending in 5 stays
 * one (201 of 400 is 50.25, so 50.3); dividing first (`met / of * 1000`) gives 50.249… and 50.2.
 * 1 of 8 is 12.5, 2 of 3 is 66.7.
 */
export const measurePercent = (met: number, of: number): number | null =>
  of ? Math.round((met * 1000) / of) / 10 : null;
