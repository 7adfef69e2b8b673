import {
  CONTRACT_MEASURE_NAMES,
  CONTRACT_MEASURES,
  measureExclusionOf,
  measurePercent,
  type ContractMeasure,
  type MeasuredFacts,
} from '@hearth/events';

/** What the contract measures need of one enrollment of the program exited in the period. */
export interface ExitedEnrollment extends MeasuredFacts {
  enrollmentId: string;
  /** The head of the enrollment: whom the enrollment's outcomes are of. */
  participantId: string;
  exitKind: string;
  /** As enrollment announced the exit (deceased, family care, health, institutionalized). */
  removedFromPerformance: boolean;
}

export type MeasureName = ContractMeasure;
export const measureNames = CONTRACT_MEASURE_NAMES;
/** What `list` may name: a measure, `cohort` (the enrollments counted) or `excluded`. */
export const contractFigures = [
  'unsubsidizedEmployment',
  'careerTrackEmployment',
  'retentionInEmployment',
  'permanentHousingAtExit',
  'credentialAttainment',
  'cohort',
  'excluded',
] as const satisfies readonly (ContractMeasure | 'cohort' | 'excluded')[];
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
 * The contract's outcome measures over the program's enrollments exited in the period, by the
 * rule enrollment's own outcome-measures follows (libs/events' workforce-measures: who is left
 * out, what each measure counts), each person once: a person counts when one of their
 * enrollments remains, and meets a measure when one of their remaining enrollments meets it
 * (records linked as one person are one, `personOf`).
 */
export function contractOutcomes(
  exited: readonly ExitedEnrollment[],
  personOf: (participantId: string) => string,
) {
  const excluded: CountedEnrollment[] = [];
  const counted: ExitedEnrollment[] = [];
  for (const e of exited) {
    const reason = measureExclusionOf(e);
    const { participantId, enrollmentId } = e;
    if (reason) excluded.push({ participantId, enrollmentId, detail: reason });
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
    const meeting = counted.filter(CONTRACT_MEASURES[name]);
    const persons = new Set(meeting.map((e) => personOf(e.participantId))).size;
    measures[name] = { persons, of: cohort.size, percent: measurePercent(persons, cohort.size) };
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
