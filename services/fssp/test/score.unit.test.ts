import { SCORE_LABELS, progressOf } from '../src/domain/score';

describe("a goal's progress", () => {
  test('is null before any score', () => {
    expect(progressOf([])).toBeNull();
  });

  test('first and latest by date, the change between them', () => {
    const history = [
      { scoreDate: '2026-09-01', score: 0 },
      { scoreDate: '2027-03-01', score: 1 },
      { scoreDate: '2027-09-01', score: 3 },
    ];
    expect(progressOf(history)).toEqual({
      first: { scoreDate: '2026-09-01', score: 0 },
      latest: { scoreDate: '2027-09-01', score: 3 },
      change: 3,
    });
  });

  test('a fall is a negative change; a single score is its own first and latest', () => {
    expect(
      progressOf([
        { scoreDate: '2026-09-01', score: 2 },
        { scoreDate: '2027-03-01', score: 1 },
      ])?.change,
    ).toBe(-1);
    expect(progressOf([{ scoreDate: '2026-09-01', score: 2 }])?.change).toBe(0);
  });

  test('the scale reads 0 In Crisis, 1 At Risk, 2 Moderately Stable, 3 Thriving', () => {
    expect(SCORE_LABELS).toEqual(['in_crisis', 'at_risk', 'moderately_stable', 'thriving']);
  });
});
