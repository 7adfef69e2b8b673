import { z } from 'zod';
import { isoDate } from '@hearth/http';

/**
 * How a housing queue is prioritized: an ordered list of factors and directions (configuration,
 * not code). Each factor is a whitelisted column; "days homeless" descending is the earliest date
 * homelessness began first, so it sorts on that date the other way round.
 */
export const QUEUE_FACTORS = ['score', 'days_homeless', 'date_added', 'household_size'] as const;
export type QueueFactor = (typeof QUEUE_FACTORS)[number];
export type Direction = 'asc' | 'desc';

const FACTORS: Readonly<
  Record<QueueFactor, { column: string; type: string; inverted: boolean; key: z.ZodType }>
> = {
  score: {
    column: 'e.score',
    type: 'integer',
    inverted: false,
    key: z.number().int().min(-10_000).max(10_000),
  },
  days_homeless: { column: 'e.homeless_since', type: 'date', inverted: true, key: isoDate() },
  date_added: {
    column: 'e.added_at',
    type: 'timestamptz',
    inverted: false,
    key: z.iso.datetime().regex(/^(19|2\d)\d\d-/),
  },
  household_size: {
    column: 'e.household_size',
    type: 'integer',
    inverted: false,
    key: z.number().int().min(1).max(30),
  },
};

export const queueOrdering = z
  .array(z.strictObject({ factor: z.enum(QUEUE_FACTORS), direction: z.enum(['asc', 'desc']) }))
  .min(1)
  .max(QUEUE_FACTORS.length)
  .refine((o) => new Set(o.map((f) => f.factor)).size === o.length, 'A factor appears once');
export type QueueOrdering = z.infer<typeof queueOrdering>;

/** The community queue migration 020 seeds, in the default order. */
export const DEFAULT_QUEUE_ID = '00000000-0000-4000-8000-00000000c001';

export const DEFAULT_ORDERING: QueueOrdering = [
  { factor: 'score', direction: 'desc' },
  { factor: 'days_homeless', direction: 'desc' },
  { factor: 'date_added', direction: 'asc' },
];

/** Column directions after inversion; the entry id, ascending, breaks every tie. */
function sortKeys(ordering: QueueOrdering) {
  const keys = ordering.map(({ factor, direction }) => {
    const f = FACTORS[factor];
    const dir: Direction = f.inverted ? (direction === 'asc' ? 'desc' : 'asc') : direction;
    return { factor, column: f.column, type: f.type, dir };
  });
  return [...keys, { factor: 'id', column: 'e.id', type: 'uuid', dir: 'asc' as Direction }];
}

/** The ORDER BY of a queue, from whitelisted columns only. */
export function orderBySql(ordering: QueueOrdering): string {
  return sortKeys(ordering)
    .map((k) => `${k.column} ${k.dir.toUpperCase()}`)
    .join(', ');
}

/** The sort values a cursor carries: one per factor, then the id. */
export const SORT_KEY_SQL = (ordering: QueueOrdering) =>
  ordering.map(({ factor }) =>
    factor === 'date_added'
      ? `to_char(e.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
      : factor === 'days_homeless'
        ? `to_char(e.homeless_since, 'YYYY-MM-DD')`
        : FACTORS[factor].column,
  );

/** Whether a cursor's values fit this ordering (a cursor of another ordering is not one of ours). */
export function keysFit(ordering: QueueOrdering, keys: readonly unknown[]): boolean {
  return (
    keys.length === ordering.length &&
    ordering.every(({ factor }, i) => FACTORS[factor].key.safeParse(keys[i]).success)
  );
}

/**
 * "After this row" for keyset paging under mixed directions: (a after x) OR (a = x AND b after y)
 * OR …, each comparison on the column's own type. `bind` adds a value and answers its placeholder.
 */
export function afterSql(
  ordering: QueueOrdering,
  keys: readonly unknown[],
  id: string,
  bind: (value: unknown) => string,
): string {
  const all = sortKeys(ordering);
  const values = [...keys, id].map((v, i) => `${bind(v)}::${all[i].type}`);
  const terms = all.map((k, i) => {
    const equal = all.slice(0, i).map((p, j) => `${p.column} = ${values[j]}`);
    const after = `${k.column} ${k.dir === 'asc' ? '>' : '<'} ${values[i]}`;
    return `(${[...equal, after].join(' AND ')})`;
  });
  return `(${terms.join(' OR ')})`;
}
