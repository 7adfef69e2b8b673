import { promotionProblems, repeatedStudents } from '../src/domain/grade-promotion';

const orgId = 'org-1';
const student = { participantId: 'p-1' };
const rsi = {
  orgId,
  programId: 'rsi-program',
  programKind: 'rsi',
  applicationDate: '2026-01-05',
  exitDate: '2026-03-01',
  memberIds: ['p-1'],
};
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('where a grade promotion may be recorded', () => {
  it('on an RSI enrollment of the student, active on the date (application and exit days count)', () => {
    for (const date of ['2026-01-05', '2026-02-10', '2026-03-01'])
      expect(promotionProblems(student, rsi, date, orgId, 'students.0')).toEqual([]);
  });

  it('not on an enrollment of another program kind, or of none', () => {
    for (const programKind of ['rym', null])
      expect(
        fields(
          promotionProblems(student, { ...rsi, programKind }, '2026-02-10', orgId, 'students.3'),
        ),
      ).toEqual(['students.3.enrollmentId']);
  });

  it("not before the application or after the exit, not on another organization's or student's", () => {
    expect(fields(promotionProblems(student, rsi, '2026-01-04', orgId, 's.0'))).toEqual([
      's.0.enrollmentId',
    ]);
    expect(fields(promotionProblems(student, rsi, '2026-03-02', orgId, 's.0'))).toEqual([
      's.0.enrollmentId',
    ]);
    expect(promotionProblems(student, rsi, '2026-02-10', 'org-2', 's.0')[0].message).toBe(
      'Not an enrollment of this participant',
    );
    expect(
      promotionProblems({ participantId: 'p-2' }, rsi, '2026-02-10', orgId, 's.0')[0].message,
    ).toBe('Not an enrollment of this participant');
    expect(fields(promotionProblems(student, undefined, '2026-02-10', orgId, 's.0'))).toEqual([
      's.0.enrollmentId',
    ]);
  });
});

describe('one promotion a day per student', () => {
  it('names each row that repeats a student of an earlier row', () => {
    const rows = ['a', 'b', 'a', 'c', 'b', 'a'].map((participantId) => ({ participantId }));
    expect(repeatedStudents(rows)).toEqual([2, 4, 5]);
    expect(repeatedStudents([{ participantId: 'a' }])).toEqual([]);
  });
});
