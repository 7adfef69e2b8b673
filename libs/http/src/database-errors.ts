import { Problem, badRequest, conflict, unprocessable, type FieldError } from './problem';

/** What node-postgres puts on an error the server raised (its SQLSTATE and where it applies). */
interface DatabaseError {
  code: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

const isDatabaseError = (err: unknown): err is DatabaseError =>
  !!err &&
  typeof err === 'object' &&
  typeof (err as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((err as { code: string }).code) &&
  typeof (err as { severity?: unknown }).severity === 'string';

export const isUniqueViolation = (err: unknown): boolean =>
  isDatabaseError(err) && err.code === '23505';

/**
 * For `.catch()` where two requests both passed a check and raced to a unique index: the loser
 * gets the same answer the check would have given.
 */
export const onUniqueViolation =
  (problem: Problem) =>
  (err: unknown): never => {
    throw isUniqueViolation(err) ? problem : err;
  };

/** Optimistic concurrency: the client must send the version it read; an older one is refused. */
export function requireCurrentVersion(what: string, current: number, sent: number): void {
  if (current === sent) return;
  throw conflict(
    `Someone changed this ${what} since you read it (now version ${current}); reload and apply your change again.`,
    [{ field: 'version', message: `Expected ${current}` }],
  );
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The field a client knows, from the column Postgres names (never the value: it may be personal). */
function fieldsOf(err: DatabaseError, message: string): FieldError[] | undefined {
  const columns = err.column
    ? [err.column]
    : (/^Key \(([^)]+)\)=/.exec(err.detail ?? '')?.[1].split(', ') ?? []);
  const named = columns.filter((c) => /^[a-z_][a-z0-9_]*$/.test(c));
  return named.length ? named.map((c) => ({ field: camel(c), message })) : undefined;
}

/**
 * The answer to a database error the request caused: class 22 (a value Postgres cannot take, e.g.
 * year 0 or a NUL in text) is a 400, class 23 (a constraint the data would break) a 409 or 422.
 * Undefined for every other error: those stay 500s, because they are our bugs.
 */
export function clientDatabaseProblem(err: unknown): Problem | undefined {
  if (!isDatabaseError(err)) return undefined;
  const { code } = err;
  if (code.startsWith('22'))
    return badRequest('A value in the request cannot be stored.', fieldsOf(err, 'Invalid value'));
  switch (code) {
    case '23505':
      return conflict('This already exists.', fieldsOf(err, 'Already used'));
    case '23P01':
      return conflict('This overlaps an existing record.', fieldsOf(err, 'Overlaps'));
    case '23503':
      return /still referenced/.test(err.detail ?? '')
        ? conflict('Other records still refer to this one.')
        : unprocessable(
            'The request refers to a record that does not exist.',
            fieldsOf(err, 'Not found'),
          );
    case '23502':
      return unprocessable('A required value is missing.', fieldsOf(err, 'Required'));
    case '23514':
    case '23000':
    case '23001':
      return unprocessable('The request breaks a rule of the data.', fieldsOf(err, 'Not allowed'));
    default:
      return undefined;
  }
}
