import { duplicateParticipantProblems } from '../src/domain/many-services';

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
