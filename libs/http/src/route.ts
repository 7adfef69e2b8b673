import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { Problem, fieldErrors } from './problem';
import { controlCharacterErrors } from './text';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Success {
  status: number;
  schema?: z.ZodType;
  description?: string;
  /** e.g. `application/pdf`; JSON when omitted */
  contentType?: string;
  /** Other content types the handler may answer instead (writing them itself on `res`): `text/csv`. */
  alsoAs?: string[];
}

export interface RouteSpec<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  H extends z.ZodObject = z.ZodObject,
> {
  method: Method;
  /** express path, e.g. /participants/:id */
  path: string;
  summary: string;
  tag?: string;
  body?: B;
  /**
   * `multipart/form-data`: the handler streams the body itself (an upload is never buffered), so
   * `body` only documents its parts and is not parsed here.
   */
  bodyContentType?: 'multipart/form-data';
  query?: Q;
  params?: P;
  /**
   * Status of a successful answer and the schema of its body (none for 204). A `contentType` other
   * than JSON (a PDF) is documented as binary; its handler writes the answer itself on `res`.
   */
  success: Success;
  /** Request headers the route reads (lower-case names); the others are not its business. */
  headers?: H;
  /** Public routes skip the bearer-token requirement in the OpenAPI document. */
  public?: boolean;
  /** Problem statuses beyond those every route of its kind can answer (see openapi.ts). */
  problems?: number[];
  handler: (input: {
    body: z.infer<B>;
    query: z.infer<Q>;
    params: z.infer<P>;
    headers: z.infer<H>;
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
  bodyContentType?: 'multipart/form-data';
  query?: z.ZodType;
  params?: z.ZodType;
  success: Success;
  headers?: z.ZodObject;
  public?: boolean;
  problems?: number[];
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
  const prefix = where === 'body' ? undefined : where;
  // Before the schema, on the raw value: every string of every route, whatever its schema says.
  const controls = controlCharacterErrors(value, prefix);
  if (controls.length)
    throw new Problem(
      400,
      'Bad Request',
      `The request ${where} holds control characters.`,
      controls,
    );
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Problem(
      400,
      'Bad Request',
      `The request ${where} is invalid.`,
      fieldErrors(result.error, prefix),
    );
  }
  return result.data;
}

/** Only the headers the route declares, so the rest of the request's headers are never parsed. */
const headersOf = (schema: z.ZodObject | undefined, req: Request) =>
  Object.fromEntries(Object.keys(schema?.shape ?? {}).map((name) => [name, req.headers[name]]));

/** A route that declares no query takes none: an unknown parameter is refused like an unknown field. */
const NO_QUERY = z.strictObject({});

/** Validate (zod) → handler → respond. A thin handler only calls domain and store code. */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
  H extends z.ZodObject = z.ZodObject,
>(router: Router, registry: RouteRegistry, spec: RouteSpec<B, Q, P, H>): void {
  registry.routes.push({ ...spec });
  const querySchema: z.ZodType = spec.query ?? NO_QUERY;
  router[spec.method](spec.path, async (req, res) => {
    const params = parse(spec.params, req.params, 'params');
    const query = parse(querySchema, req.query, 'query') as z.infer<Q>;
    const body = (
      spec.bodyContentType
        ? undefined
        : parse(spec.body, spec.body ? (req.body ?? {}) : undefined, 'body')
    ) as z.infer<B>;
    const headers = parse(spec.headers, headersOf(spec.headers, req), 'headers') as z.infer<H>;
    const result = await spec.handler({ body, query, params, headers, req, res });
    if (res.headersSent) return;
    if (spec.success.status === 204 || result === undefined) res.status(spec.success.status).end();
    else res.status(spec.success.status).json(result);
  });
}
