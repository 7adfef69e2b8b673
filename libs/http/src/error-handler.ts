import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '@hearth/logging';
import { clientDatabaseProblem } from './database-errors';
import { Problem, fieldErrors, isDependencyUnavailable, notFound, unavailable } from './problem';

export function sendProblem(
  res: Parameters<RequestHandler>[1],
  problem: Problem,
  instance?: string,
) {
  res.status(problem.status).type('application/problem+json').json(problem.toJSON(instance));
}

/** Maps every failure to problem+json; the log line carries the request id but never the body. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const problem = toProblem(err);
    const fields = { reqId: req.id, status: problem.status, title: problem.title };
    if (problem.status >= 500) logger.error({ err, reqId: req.id }, 'request failed');
    // The client is answered 4xx, but a schema should have caught it first: worth a look.
    else if (!(err instanceof Problem) && (err as { code?: unknown })?.code)
      logger.warn({ ...fields, code: (err as { code: unknown }).code }, 'refused by the database');
    else logger.info(fields, 'request rejected');
    sendProblem(res, problem, req.originalUrl.split('?')[0]);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) =>
  next(notFound(`No route for ${req.method} ${req.path}; see /openapi.json`));

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof z.ZodError)
    return new Problem(400, 'Bad Request', 'The request is invalid.', fieldErrors(err));
  const bodyError = err as { type?: string; status?: number; limit?: number };
  if (bodyError?.type === 'entity.parse.failed') {
    return new Problem(400, 'Bad Request', 'The body is not valid JSON.', [
      { field: '(body)', message: 'Malformed JSON' },
    ]);
  }
  if (bodyError?.type === 'entity.too.large') {
    return new Problem(
      413,
      'Content Too Large',
      `The body is larger than the limit of ${bodyError.limit} bytes.`,
    );
  }
  if (bodyError?.type === 'encoding.unsupported' || bodyError?.type === 'charset.unsupported') {
    return new Problem(415, 'Unsupported Media Type', 'Send the body as UTF-8 JSON.');
  }
  const fromDatabase = clientDatabaseProblem(err);
  if (fromDatabase) return fromDatabase;
  if (isDependencyUnavailable(err)) {
    return unavailable('A dependency of this service is unreachable; try again shortly.');
  }
  return new Problem(
    500,
    'Internal Server Error',
    'Something went wrong on our side; the request id identifies it.',
  );
}
