import { orderedPair, pairsOf } from '../src/domain/duplicates';

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
