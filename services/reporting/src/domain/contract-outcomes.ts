/** What the contract measures need of one enrollment of the program exited in the period. */
export interface ExitedEnrollment {
  enrollmentId: string;
  /** The head of the enrollment: whom the enrollment's outcomes are of. */
  participantId: string;
  exitKind: string;
  /** As enrollment announced the exit (deceased, family care, health, institutionalized). */
  removedFromPerformance: boolean;
  housingStatusAtExit: string | null;
  /** A working confirmation of an unsubsidized or career-track job. */
  unsubsidizedEmployment: boolean;
  /** A working Career Plan Employment confirmation. */
  careerTrackEmployment: boolean;
  /** Working confirmations in both the second and the fourth quarter after exit. */
  retainedQ2AndQ4: boolean;
  credentialAttained: boolean;
}

const MEASURES = {
  unsubsidizedEmployment: (e: ExitedEnrollment) => e.unsubsidizedEmployment,
  careerTrackEmployment: (e: ExitedEnrollment) => e.careerTrackEmployment,
  retentionInEmployment: (e: ExitedEnrollment) => e.retainedQ2AndQ4,
  permanentHousingAtExit: (e: ExitedEnrollment) => e.housingStatusAtExit === 'permanent_housing',
  credentialAttainment: (e: ExitedEnrollment) => e.credentialAttained,
} as const;
export type MeasureName = keyof typeof MEASURES;
export const measureNames = Object.keys(MEASURES) as MeasureName[];
export const contractFigures = [
  'unsubsidizedEmployment',
  'careerTrackEmployment',
  'retentionInEmployment',
  'permanentHousingAtExit',
  'credentialAttainment',
  'cohort',
  'excluded',
] as const;
export type ContractFigure = (typeof contractFigures)[number];

export interface Measure {
  /** Persons who met it, of the persons counted, in percent with one decimal (null: none). */
  persons: number;
  of: number;
  percent: number | null;
}

export interface CountedEnrollment {
  participantId: string;
  enrollmentId: string;
  detail: string | null;
}

/**
 * The contract's outcome measures (DOMAIN, Workforce outcomes; the rules of enrollment's own
 * outcome-measures) over the program's enrollments exited in the period, each person once: a
 * pre-program exit and an exit that removes the participant from performance are left out of
 * every figure; a person counts when one of their enrollments remains, and meets a measure when
 * one of their remaining enrollments meets it (records linked as one person are one, `personOf`).
 */
export function contractOutcomes(
  exited: readonly ExitedEnrollment[],
  personOf: (participantId: string) => string,
) {
  const excluded: CountedEnrollment[] = [];
  const counted: ExitedEnrollment[] = [];
  for (const e of exited) {
    const reason =
      e.exitKind === 'pre_program_exit'
        ? 'pre_program_exit'
        : e.removedFromPerformance
          ? 'removed_from_performance'
          : null;
    if (reason)
      excluded.push({
        participantId: e.participantId,
        enrollmentId: e.enrollmentId,
        detail: reason,
      });
    else counted.push(e);
  }
  const cohort = new Set(counted.map((e) => personOf(e.participantId)));
  const listed = {} as Record<ContractFigure, CountedEnrollment[]>;
  const asCounted = (e: ExitedEnrollment) => ({
    participantId: e.participantId,
    enrollmentId: e.enrollmentId,
    detail: null,
  });
  const measures = {} as Record<MeasureName, Measure>;
  for (const name of measureNames) {
    const meeting = counted.filter(MEASURES[name]);
    const persons = new Set(meeting.map((e) => personOf(e.participantId))).size;
    measures[name] = {
      persons,
      of: cohort.size,
      percent: cohort.size ? Math.round((persons * 1000) / cohort.size) / 10 : null,
    };
    listed[name] = meeting.map(asCounted);
  }
  listed.cohort = counted.map(asCounted);
  listed.excluded = excluded;
  return {
    persons: cohort.size,
    excluded: {
      preProgramExit: excluded.filter((e) => e.detail === 'pre_program_exit').length,
      removedFromPerformance: excluded.filter((e) => e.detail === 'removed_from_performance')
        .length,
    },
    measures,
    listed,
  };
}
