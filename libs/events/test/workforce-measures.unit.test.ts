import {
  CONTRACT_MEASURE_NAMES,
  CONTRACT_MEASURES,
  measureExclusionOf,
  measurePercent,
  type MeasuredFacts,
} from '../src';

const none: MeasuredFacts = {
  housingStatusAtExit: null,
  unsubsidizedEmployment: false,
  careerTrackEmployment: false,
  retainedQ2AndQ4: false,
  credentialAttained: false,
};

describe("the workforce contract's outcome measures", () => {
  it('counts each measure by its own fact, housing only when permanent at exit', () => {
    const meets = (facts: Partial<MeasuredFacts>) =>
      CONTRACT_MEASURE_NAMES.filter((name) => CONTRACT_MEASURES[name]({ ...none, ...facts }));
    expect(CONTRACT_MEASURE_NAMES).toEqual([
      'unsubsidizedEmployment',
      'careerTrackEmployment',
      'retentionInEmployment',
      'permanentHousingAtExit',
      'credentialAttainment',
    ]);
    expect(meets({})).toEqual([]);
    expect(meets({ unsubsidizedEmployment: true })).toEqual(['unsubsidizedEmployment']);
    expect(meets({ careerTrackEmployment: true })).toEqual(['careerTrackEmployment']);
    expect(meets({ retainedQ2AndQ4: true })).toEqual(['retentionInEmployment']);
    expect(meets({ credentialAttained: true })).toEqual(['credentialAttainment']);
    expect(meets({ housingStatusAtExit: 'permanent_housing' })).toEqual(['permanentHousingAtExit']);
    expect(meets({ housingStatusAtExit: 'transitional_housing' })).toEqual([]);
  });

  it('leaves out a pre-program exit first, then an exit removed from performance; an auto exit counts', () => {
    expect(measureExclusionOf({ exitKind: 'pre_program_exit', removedFromPerformance: true })).toBe(
      'pre_program_exit',
    );
    expect(measureExclusionOf({ exitKind: 'exit', removedFromPerformance: true })).toBe(
      'removed_from_performance',
    );
    expect(measureExclusionOf({ exitKind: 'exit', removedFromPerformance: false })).toBeNull();
    expect(measureExclusionOf({ exitKind: 'auto_exit', removedFromPerformance: false })).toBeNull();
  });

  it('gives percentages to one decimal, none when nobody counts', () => {
    expect(measurePercent(1, 8)).toBe(12.5);
    expect(measurePercent(2, 3)).toBe(66.7);
    expect(measurePercent(0, 0)).toBeNull();
  });

  it('rounds a share ending in 5 up, as the exact share says (dividing first gave 50.2)', () => {
    expect(measurePercent(201, 400)).toBe(50.3); // 50.25 %
    expect(measurePercent(203, 400)).toBe(50.8); // 50.75 %
    expect(measurePercent(1001, 2000)).toBe(50.1); // 50.05 %
  });
});
