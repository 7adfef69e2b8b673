import { schemaVersion } from '../src/domain/schema';

test('the schema version is the highest migration number, compared as numbers (10 after 9)', () => {
  expect(schemaVersion(['001_first.sql', '010_tenth.sql', '009_ninth.sql'])).toBe(10);
});

test('before any migration ran, the schema version is 0', () => {
  expect(schemaVersion([])).toBe(0);
});
