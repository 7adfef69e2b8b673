import { duplicateParticipantProblems, splitRows } from '../src/domain/many-services';

test('a participant listed again is refused on each later row, naming the first', () => {
  const rows = ['a', 'b', 'a', 'c', 'a'].map((participantId) => ({ participantId }));
  expect(duplicateParticipantProblems(rows, 'rows')).toEqual([
    [],
    [],
    [{ field: 'participantId', message: 'Listed already at rows.0' }],
    [],
    [{ field: 'participantId', message: 'Listed already at rows.0' }],
  ]);
});

test('rows split into the valid and the refused, a duplicate refused before its other problems', () => {
  const rows = ['a', 'b', 'a', 'c'].map((participantId) => ({ participantId }));
  const problemsOf = (r: { participantId: string }) =>
    r.participantId === 'c' ? [{ field: 'enrollmentId', message: 'Not yours' }] : [];
  expect(splitRows(rows, 'members', problemsOf)).toEqual({
    valid: [
      { participantId: 'a', row: 0 },
      { participantId: 'b', row: 1 },
    ],
    refused: [
      {
        row: 2,
        participantId: 'a',
        field: 'members.2.participantId',
        message: 'Listed already at members.0',
      },
      { row: 3, participantId: 'c', field: 'members.3.enrollmentId', message: 'Not yours' },
    ],
  });
});
