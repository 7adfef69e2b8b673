import { z } from 'zod';
import type { RouteDoc, RouteRegistry } from './route';
import { TEXT_PATTERN } from './text';

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** Why each status can come back; a route's list is chosen in `problemStatuses`. */
const PROBLEMS: Record<number, string> = {
  400: 'The request is invalid (errors[] names each field at fault)',
  401: 'No valid bearer token',
  403: 'Your role may not do this',
  404: 'Not found, or not visible to you',
  409: 'Conflicts with the current state (e.g. a stale version or a duplicate)',
  413: 'The body is larger than the limit',
  415: 'The body is not UTF-8 JSON',
  422: 'Well-formed but breaks a rule (errors[] names each field at fault)',
  429: 'Too many requests (from the gateway); see Retry-After',
  500: 'A bug on our side; the X-Request-Id identifies it',
  502: 'The gateway could not reach the service',
  503: 'The service or one of its dependencies is unavailable; see Retry-After',
  504: 'The service did not answer in time (from the gateway)',
};

/** The problem answers a client can receive, keyed by status, each with the problem+json schema. */
export function problemResponses(statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEMS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  );
}

function problemStatuses(route: RouteDoc): number[] {
  const statuses = [400, 404, 429, 500, 502, 503, 504];
  if (!route.public) statuses.push(401, 403);
  if (route.method !== 'get') statuses.push(409, 422);
  if (route.body) statuses.push(413, 415);
  statuses.push(...(route.problems ?? []));
  return [...new Set(statuses)].sort((a, b) => a - b);
}

/**
 * Every string a client sends is refused when it holds control characters (route.ts), so every
 * string the document describes says so with a pattern, unless an enum or a format already limits
 * it. A pass over the finished JSON Schema, so each string is visited exactly once.
 */
function sayNoControlCharacters(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(sayNoControlCharacters);
  if (!node || typeof node !== 'object') return;
  const s = node as Record<string, unknown>;
  if (s.type === 'string' && !s.enum && s.const === undefined && !s.format) {
    if (!s.pattern) s.pattern = TEXT_PATTERN;
    else if (s.pattern !== TEXT_PATTERN)
      s.allOf = [...((s.allOf as unknown[]) ?? []), { pattern: TEXT_PATTERN }];
  }
  for (const key of ['items', 'prefixItems', 'anyOf', 'oneOf', 'additionalProperties', 'not'])
    sayNoControlCharacters(s[key]);
  for (const key of ['properties', '$defs', 'patternProperties'])
    if (s[key] && typeof s[key] === 'object') Object.values(s[key]).forEach(sayNoControlCharacters);
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  if (io === 'input') sayNoControlCharacters(rest);
  return rest;
};

function parameters(schema: z.ZodType | undefined, location: 'query' | 'path' | 'header') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/** Liveness and readiness, answered by every process outside /api/v1. */
const PROBES = {
  '/healthz': {
    get: {
      summary: 'The process is alive',
      tags: ['probes'],
      security: [],
      responses: { 200: { description: 'Alive' } },
    },
  },
  '/readyz': {
    get: {
      summary: 'Every dependency answers; `checks` gives each one',
      tags: ['probes'],
      security: [],
      responses: { 200: { description: 'Ready' }, ...problemResponses([503]) },
    },
  },
};

/** A JSON answer by its schema; any other content type (a PDF) as the bytes it is. */
function successContent(success: RouteDoc['success']) {
  const binary = { schema: { type: 'string', format: 'binary' } };
  // the other forms the same answer may take (a report as CSV), each as its bytes
  const others = Object.fromEntries((success.alsoAs ?? []).map((type) => [type, binary]));
  if (success.contentType && success.contentType !== 'application/json')
    return { content: { [success.contentType]: binary, ...others } };
  if (!success.schema) return {};
  return {
    content: {
      'application/json': { schema: jsonSchema(success.schema, 'output') },
      ...others,
    },
  };
}

/** The OpenAPI 3.1 document of one service, generated from the zod schemas its routes validate with. */
export function openApiDocument(
  registry: RouteRegistry,
  info: { title: string; version: string },
  prefix: string,
) {
  const paths: Record<string, Record<string, unknown>> = { ...PROBES };
  for (const route of registry.routes) {
    const path = prefix + route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const success = route.success;
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: route.tag ? [route.tag] : undefined,
      security: route.public ? [] : undefined,
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...parameters(route.headers, 'header'),
      ],
      requestBody: route.body
        ? {
            required: true,
            content: {
              [route.bodyContentType ?? 'application/json']: {
                schema: jsonSchema(route.body, 'input'),
              },
            },
          }
        : undefined,
      responses: {
        [success.status]: {
          description: success.description ?? 'Success',
          ...successContent(success),
        },
        ...problemResponses(problemStatuses(route)),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
