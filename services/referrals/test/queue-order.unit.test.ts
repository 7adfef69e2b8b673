import {
  DEFAULT_ORDERING,
  afterSql,
  keysFit,
  orderBySql,
  queueOrdering,
} from '../src/domain/queue-order';

test('the default order is score, then the longest homeless (earliest date), then the earliest added', () => {
  expect(orderBySql(DEFAULT_ORDERING)).toBe(
    'e.score DESC, e.homeless_since ASC, e.added_at ASC, e.id ASC',
  );
});

test('"after this row" follows each column’s own direction, the id breaking ties', () => {
  const values: unknown[] = [];
  const bind = (v: unknown) => (values.push(v), `$${values.length}`);
  const sql = afterSql([{ factor: 'score', direction: 'desc' }], [9], 'id-1', bind);
  expect(sql).toBe('((e.score < $1::integer) OR (e.score = $1::integer AND e.id > $2::uuid))');
  expect(values).toEqual([9, 'id-1']);
});

test('an ordering names whitelisted factors, each once; a cursor must fit it', () => {
  expect(queueOrdering.safeParse([{ factor: 'ssn', direction: 'asc' }]).success).toBe(false);
  expect(
    queueOrdering.safeParse([
      { factor: 'score', direction: 'asc' },
      { factor: 'score', direction: 'desc' },
    ]).success,
  ).toBe(false);
  expect(keysFit(DEFAULT_ORDERING, [9, '2026-03-01', '2026-11-02T15:00:00.000000Z'])).toBe(true);
  expect(keysFit(DEFAULT_ORDERING, [9, 'DROP TABLE', '2026-11-02T15:00:00.000000Z'])).toBe(false);
  expect(keysFit(DEFAULT_ORDERING, [9])).toBe(false);
});
