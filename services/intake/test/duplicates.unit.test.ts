import { orderedPair, pairChanges, pairsOf } from '../src/domain/duplicates';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';

describe('pairs of a scanned participant', () => {
  it('names a pair with the lower id first, whichever side was scanned', () => {
    expect(orderedPair(b, a)).toEqual([a, b]);
    expect(orderedPair(a, b)).toEqual([a, b]);
  });

  it('keeps candidates at or above the threshold, never the participant itself, each once at its best', () => {
    const pairs = pairsOf(
      b,
      [
        { id: b, score: 100, reasons: ['same_name'] },
        { id: a, score: 70, reasons: ['same_name'] },
        { id: a, score: 85, reasons: ['same_name', 'birth_date_same'] },
        { id: c, score: 69, reasons: ['similar_name'] },
      ],
      70,
    );
    expect(pairs).toEqual([
      { participantIds: [a, b], score: 85, reasons: ['same_name', 'birth_date_same'] },
    ]);
  });
});

describe('what a rescan changes, to announce', () => {
  const d = '00000000-0000-4000-8000-00000000000d';
  const found = (ids: [string, string], score: number) => ({
    participantIds: ids,
    score,
    reasons: ['same_name' as const],
  });
  const held = (ids: [string, string], score: number, dismissed = false) => ({
    participantIds: ids,
    score,
    dismissed,
  });

  it('announces a pair new or rescored, and an open pair no longer found; a dismissed pair never', () => {
    const changes = pairChanges(
      [held([a, b], 85), held([a, c], 85), held([a, d], 75), held([a, '0e'], 90, true)],
      [found([a, b], 85), found([a, c], 95), found([a, '0e'], 70), found([a, '0f'], 72)],
    );
    expect(changes).toEqual({
      // a–b unchanged: nothing; a–c rescored; a–0f new; a–0e dismissed: nothing
      suspected: [
        { participantIds: [a, c], score: 95 },
        { participantIds: [a, '0f'], score: 72 },
      ],
      cleared: [[a, d]],
    });
  });

  it('announces nothing of a dismissed pair no longer found', () => {
    expect(pairChanges([held([a, b], 85, true)], [])).toEqual({ suspected: [], cleared: [] });
  });
});
