import { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem: thrown anywhere, answered as application/problem+json by the error handler. */
export class Problem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail?: string,
    public readonly errors?: FieldError[],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }

  get type(): string {
    return `https://hearth.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }

  toJSON(instance?: string) {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new Problem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail: string) => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
/** Also the answer to a read the access rules deny: the record's existence is not revealed. */
export const notFound = (what = 'The resource') =>
  new Problem(404, 'Not Found', `${what} was not found.`);
export const conflict = (detail: string, errors?: FieldError[]) =>
  new Problem(409, 'Conflict', detail, errors);
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new Problem(422, 'Unprocessable Content', detail, errors);
export const unavailable = (detail: string) => new Problem(503, 'Service Unavailable', detail);

/** One entry per field at fault, with the path written the way a client names the field. */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (keys.length) {
      return {
        field: [...path, keys.join(',')].join('.'),
        message: `Unknown field: ${keys.join(', ')}`,
      };
    }
    return { field: path.join('.') || '(body)', message: issue.message };
  });
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

const MONGO_UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** True when an error means a dependency (database, broker) is unreachable rather than a bug. */
export function isDependencyUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message, name } = err as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // the mongodb driver's own names for an unreachable server (the documents service)
  if (typeof name === 'string' && MONGO_UNAVAILABLE.has(name)) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      message,
    )
  );
}
