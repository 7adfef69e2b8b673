import { z } from 'zod';
import type { RouteRegistry } from './route';

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

function parameters(schema: z.ZodType | undefined, location: 'query' | 'path') {
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

/** The OpenAPI 3.1 document of one service, generated from the zod schemas its routes validate with. */
export function openApiDocument(
  registry: RouteRegistry,
  info: { title: string; version: string },
  prefix: string,
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of registry.routes) {
    const path = prefix + route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const success = route.success;
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: route.tag ? [route.tag] : undefined,
      security: route.public ? [] : undefined,
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      requestBody: route.body
        ? {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          }
        : undefined,
      responses: {
        [success.status]: {
          description: success.description ?? 'Success',
          ...(success.schema
            ? { content: { 'application/json': { schema: jsonSchema(success.schema, 'output') } } }
            : {}),
        },
        default: {
          description: 'Problem',
          content: { 'application/problem+json': { schema: problemSchema } },
        },
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
