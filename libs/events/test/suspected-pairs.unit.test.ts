import {
  DuplicateCleared,
  DuplicateSuspected,
  createEvent,
  isEvent,
  parseEvent,
} from '@hearth/events';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const at = '2026-12-01T10:00:00.000Z';

describe("a suspected pair's announcements", () => {
  it('travel with the pair lower id first, its score and version', () => {
    const event = createEvent(DuplicateSuspected, {
      orgId: a,
      actor: { userId: null, name: 'duplicate scan' },
      data: { participantIds: [a, b], score: 85, version: 3, at },
    });
    const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
    expect(isEvent(parsed, DuplicateSuspected)).toBe(true);
    expect(parsed.data).toEqual({ participantIds: [a, b], score: 85, version: 3, at });
  });

  it.each([
    ['the higher id first', { participantIds: [b, a], score: 85, version: 1, at }],
    ['one record twice', { participantIds: [a, a], score: 85, version: 1, at }],
    ['a score past 100', { participantIds: [a, b], score: 101, version: 1, at }],
    ['no version', { participantIds: [a, b], score: 85, at }],
    ['a name', { participantIds: [a, b], score: 85, version: 1, at, firstName: 'Leila' }],
  ])('refuses a pair with %s', (_, data) => {
    expect(DuplicateSuspected.data.safeParse(data).success).toBe(false);
  });

  it('clear a pair by its ids and version only', () => {
    expect(
      DuplicateCleared.data.safeParse({ participantIds: [a, b], version: 2, at }).success,
    ).toBe(true);
    expect(
      DuplicateCleared.data.safeParse({ participantIds: [a, b], version: 2, at, score: 85 })
        .success,
    ).toBe(false);
  });
});
