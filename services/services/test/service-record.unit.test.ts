import {
  activeOn,
  placementProblems,
  typeRuleProblems,
  type ServiceTypeRules,
} from '../src/domain/service-record';

const enrollment = {
  programId: 'p',
  applicationDate: '2026-01-05',
  exitDate: '2026-02-20',
  memberIds: ['head', 'child'],
};
const plain: ServiceTypeRules = {
  programId: 'p',
  requiresComment: false,
  requiresProvidedBy: false,
  providedByOptions: [],
  dated: false,
  training: false,
  unitsAllowed: false,
  amountAllowed: false,
};
const service = { participantId: 'head', serviceDate: '2026-02-01' };
const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);

describe('an enrollment is active from its application date through its exit date', () => {
  test.each([
    ['2026-01-04', false], // the day before applying
    ['2026-01-05', true], // the application day
    ['2026-02-20', true], // the exit day
    ['2026-02-21', false], // the day after the exit
  ])('on %s: %s', (date, active) => {
    expect(activeOn(enrollment, date)).toBe(active);
  });
  test('an open enrollment stays active', () => {
    expect(activeOn({ ...enrollment, exitDate: null }, '2030-01-01')).toBe(true);
  });
});

describe('where a service may be recorded', () => {
  test('today is fine, tomorrow is the future', () => {
    const open = { ...enrollment, exitDate: null };
    expect(
      placementProblems({ ...service, serviceDate: '2026-03-10' }, open, '2026-03-10'),
    ).toEqual([]);
    expect(
      fields(placementProblems({ ...service, serviceDate: '2026-03-11' }, open, '2026-03-10')),
    ).toEqual(['serviceDate']);
  });
  test("a member's service fits; a stranger's or an unknown enrollment does not", () => {
    expect(
      placementProblems({ ...service, participantId: 'child' }, enrollment, '2026-03-10'),
    ).toEqual([]);
    expect(
      fields(placementProblems({ ...service, participantId: 'other' }, enrollment, '2026-03-10')),
    ).toEqual(['enrollmentId']);
    expect(fields(placementProblems(service, undefined, '2026-03-10'))).toEqual(['enrollmentId']);
  });
  test('after the exit the enrollment is not active on the date', () => {
    expect(
      fields(
        placementProblems({ ...service, serviceDate: '2026-03-01' }, enrollment, '2026-03-10'),
      ),
    ).toEqual(['serviceDate']);
  });
});

describe('the rules of the service type', () => {
  test('a required comment: missing is refused, "See Case Note" is a comment', () => {
    const type = { ...plain, requiresComment: true };
    expect(fields(typeRuleProblems(service, type))).toEqual(['comment']);
    expect(typeRuleProblems({ ...service, comment: 'See Case Note' }, type)).toEqual([]);
  });
  test('provided-by: required when asked, and only from the options', () => {
    const type = { ...plain, requiresProvidedBy: true, providedByOptions: ['RSI staff'] };
    expect(fields(typeRuleProblems(service, type))).toEqual(['providedBy']);
    expect(fields(typeRuleProblems({ ...service, providedBy: 'Other' }, type))).toEqual([
      'providedBy',
    ]);
    expect(typeRuleProblems({ ...service, providedBy: 'RSI staff' }, type)).toEqual([]);
    expect(fields(typeRuleProblems({ ...service, providedBy: 'RSI staff' }, plain))).toEqual([
      'providedBy',
    ]);
  });
  test('dates and status belong to dated types only', () => {
    const dated = { ...service, startDate: '2026-01-10', status: 'completed' as const };
    expect(fields(typeRuleProblems(dated, plain))).toEqual(['startDate', 'status']);
    expect(typeRuleProblems(dated, { ...plain, dated: true })).toEqual([]);
  });
  test('started: a training with a target end date on or after its start', () => {
    const training = { ...plain, dated: true, training: true };
    const started = { ...service, startDate: '2026-01-10', status: 'started' as const };
    expect(fields(typeRuleProblems(started, { ...training, training: false }))).toEqual(['status']);
    expect(fields(typeRuleProblems(started, training))).toEqual(['targetEndDate']);
    expect(fields(typeRuleProblems({ ...started, targetEndDate: '2026-01-09' }, training))).toEqual(
      ['targetEndDate'],
    );
    expect(typeRuleProblems({ ...started, targetEndDate: '2026-01-10' }, training)).toEqual([]);
  });
  test('units and amount only where the type allows them', () => {
    const counted = { ...service, units: 2, amountCents: 1500 };
    expect(fields(typeRuleProblems(counted, plain))).toEqual(['units', 'amountCents']);
    expect(
      typeRuleProblems(counted, { ...plain, unitsAllowed: true, amountAllowed: true }),
    ).toEqual([]);
  });
});
