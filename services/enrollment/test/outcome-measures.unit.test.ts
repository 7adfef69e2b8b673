import { outcomeMeasures, type ExitedEnrollment } from '../src/domain/outcome-measures';

const exited = (
  enrollmentId: string,
  change: Partial<ExitedEnrollment> = {},
): ExitedEnrollment => ({
  enrollmentId,
  exitKind: 'exit',
  exitReason: 'completed',
  housingStatusAtExit: 'permanent_housing',
  unsubsidizedEmployment: false,
  careerTrackEmployment: false,
  retainedQ2AndQ4: false,
  credentialAttained: false,
  ...change,
});

describe('who the outcome measures count', () => {
  it('leaves out the four exits that remove from performance and pre-program exits, keeps an auto exit', () => {
    const result = outcomeMeasures([
      exited('deceased', { exitReason: 'deceased' }),
      exited('family', { exitReason: 'family_care' }),
      exited('health', { exitReason: 'health_medical' }),
      exited('institution', { exitReason: 'institutionalized' }),
      exited('pre', { exitKind: 'pre_program_exit', exitReason: 'declined_services' }),
      exited('auto', {
        exitKind: 'auto_exit',
        exitReason: 'no_qualifying_service',
        housingStatusAtExit: null,
      }),
      exited('moved', { exitReason: 'moved_away' }),
    ]);
    expect(result.counted).toEqual(['auto', 'moved']);
    expect(result.excluded.map((e) => [e.enrollmentId, e.reason])).toEqual([
      ['deceased', 'removed_from_performance'],
      ['family', 'removed_from_performance'],
      ['health', 'removed_from_performance'],
      ['institution', 'removed_from_performance'],
      ['pre', 'pre_program_exit'],
    ]);
    // the auto exit recorded no housing status: 1 of 2 in permanent housing
    expect(result.measures.permanentHousingAtExit).toEqual({
      count: 1,
      of: 2,
      percent: 50,
      enrollmentIds: ['moved'],
    });
  });

  it('gives percentages to one decimal: 1 of 8 is 12.5, 2 of 3 is 66.7', () => {
    const eight = Array.from({ length: 8 }, (_, i) =>
      exited(`e${i}`, { credentialAttained: i === 0 }),
    );
    expect(outcomeMeasures(eight).measures.credentialAttainment.percent).toBe(12.5);
    const three = Array.from({ length: 3 }, (_, i) =>
      exited(`e${i}`, { credentialAttained: i < 2 }),
    );
    expect(outcomeMeasures(three).measures.credentialAttainment.percent).toBe(66.7);
  });
});
