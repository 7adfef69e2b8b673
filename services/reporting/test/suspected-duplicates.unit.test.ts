import { pairDetail, pairedRecords } from '../src/domain/suspected-duplicates';

const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => `00000000-0000-4000-8000-00000000000${x}`);

describe("the records of a program in intake's open pairs", () => {
  const pairs = [
    { participantIds: [a, c] as [string, string], score: 75 },
    { participantIds: [a, b] as [string, string], score: 90 },
    { participantIds: [c, d] as [string, string], score: 80 },
  ];

  it('names each enrolled record once per pair, best score first; the other need not be enrolled', () => {
    const records = pairedRecords(new Set([a, b]), pairs, () => false);
    expect(records.map((r) => [r.participantId, r.pairedWith, r.score])).toEqual([
      [a, b, 90],
      [b, a, 90],
      [a, c, 75],
    ]);
  });

  it('leaves out a pair whose records are one person', () => {
    const samePerson = (x: string, y: string) => [x, y].sort().join() === [a, b].join();
    expect(pairedRecords(new Set([a, b]), pairs, samePerson).map((r) => r.pairedWith)).toEqual([c]);
  });

  it('names the other record only when the requester may see it', () => {
    const [record] = pairedRecords(new Set([d]), pairs, () => false);
    expect(pairDetail(record!, true)).toBe(`score 80, paired with ${c}`);
    expect(pairDetail(record!, false)).toBe('score 80, paired with a record you may not see');
  });
});
