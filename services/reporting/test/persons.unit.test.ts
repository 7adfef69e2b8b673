import { personKeys } from '../src/domain/persons';

test('records linked in a chain are one person, keyed by their smallest id whatever the order', () => {
  const keys = personKeys(
    ['c', 'a', 'b', 'd'],
    [
      ['c', 'b'],
      ['b', 'a'],
    ],
  );
  expect([keys.get('a'), keys.get('b'), keys.get('c')]).toEqual(['a', 'a', 'a']);
  expect(keys.get('d')).toBe('d');
  const reversed = personKeys(
    ['a', 'b', 'c'],
    [
      ['a', 'b'],
      ['b', 'c'],
    ],
  );
  expect(reversed.get('c')).toBe('a');
});
