import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { Problem, fieldErrors } from './problem';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** express path, e.g. /participants/:id */
  path: string;
  summary: string;
  tag?: string;
  body?: B;
  query?: Q;
  params?: P;
  /** Status of a successful answer and the schema of its body (none for 204). */
  success: { status: number; schema?: z.ZodType; description?: string };
  /** Public routes skip the bearer-token requirement in the OpenAPI document. */
  public?: boolean;
  handler: (input: {
    body: z.infer<B>;
    query: z.infer<Q>;
    params: z.infer<P>;
    req: Request;
    res: Response;
  }) => Promise<unknown>;
}

export interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  tag?: string;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  success: { status: number; schema?: z.ZodType; description?: string };
  public?: boolean;
}

/** The routes of one service, kept so its OpenAPI document is generated from the same schemas that validate. */
export class RouteRegistry {
  readonly routes: RouteDoc[] = [];
}

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
): z.infer<T> {
  if (!schema) return value as z.infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Problem(
      400,
      'Bad Request',
      `The request ${where} is invalid.`,
      fieldErrors(result.error, where === 'body' ? undefined : where),
    );
  }
  return result.data;
}

/** Validate (zod) → handler → respond. A thin handler only calls domain and store code. */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(router: Router, registry: RouteRegistry, spec: RouteSpec<B, Q, P>): void {
  registry.routes.push({ ...spec });
  router[spec.method](spec.path, async (req, res) => {
    const params = parse(spec.params, req.params, 'params');
    const query = parse(spec.query, req.query, 'query');
    const body = parse(spec.body, spec.body ? (req.body ?? {}) : undefined, 'body');
    const result = await spec.handler({ body, query, params, req, res });
    if (res.headersSent) return;
    if (spec.success.status === 204 || result === undefined) res.status(spec.success.status).end();
    else res.status(spec.success.status).json(result);
  });
}
