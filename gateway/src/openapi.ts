import type { RequestHandler } from 'express';
import { z } from 'zod';
import { problemResponses } from '@hearth/http';
import { dashboardOpenApi } from './dashboard';
import { composedWorkflowPage, composedWorkflowQuery } from './workflows';

interface OpenApiDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}
type Merged = Record<string, unknown> & { 'x-missing-upstreams': string[] };

const FETCH_TIMEOUT_MS = 2000;
/** While an upstream is missing, its document is asked for again this soon. */
const MISSING_RETRY_MS = 5000;

/**
 * What the gateway answers itself (compositions, its own probes), with every
 * status each can send; these win over the upstreams' own /healthz and /readyz.
 */
const GATEWAY_PATHS = {
  '/healthz': {
    get: {
      summary: 'The gateway process is alive',
      tags: ['gateway'],
      security: [],
      responses: { 200: { description: 'Alive' } },
    },
  },
  '/readyz': {
    get: {
      summary: 'The gateway is ready; details give each upstream breaker state',
      tags: ['gateway'],
      security: [],
      responses: { 200: { description: 'Ready' }, ...problemResponses([503]) },
    },
  },
  // answered here for every owner of workflow types; wins over each owner's own part of it
  '/api/v1/workflows': {
    get: {
      summary: "The caller's open workflows of every type (Paused Workflows), newest first",
      tags: ['workflows'],
      parameters: Object.entries(
        (z.toJSONSchema(composedWorkflowQuery, { io: 'input' }) as { properties: object })
          .properties,
      ).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
      responses: {
        200: {
          description: 'The drafts of the owners that answered; the others named in unavailable',
          content: { 'application/json': { schema: z.toJSONSchema(composedWorkflowPage) } },
        },
        ...problemResponses([400, 401]),
      },
    },
  },
  '/api/v1/participants/{id}/dashboard': dashboardOpenApi(),
  '/openapi.json': {
    get: {
      summary: 'This document',
      tags: ['gateway'],
      security: [],
      responses: { 200: { description: 'The merged OpenAPI document' } },
    },
  },
};

/**
 * GET /openapi.json: the documents of every configured upstream merged into one, cached for
 * `ttlMs`. An upstream that does not answer is listed in `x-missing-upstreams` instead of failing
 * the page, and is asked again after a few seconds.
 */
export function mergedOpenApi(upstreams: Record<string, string>, ttlMs = 30_000): RequestHandler {
  let cached: { expires: number; doc: Promise<Merged> } | undefined;
  return async (_req, res) => {
    if (!cached || Date.now() > cached.expires) {
      const entry = { expires: Date.now() + ttlMs, doc: merge(upstreams) };
      cached = entry; // concurrent requests share this one round of fetches
      void entry.doc.then((doc) => {
        if (doc['x-missing-upstreams'].length) entry.expires = Date.now() + MISSING_RETRY_MS;
      });
    }
    res.json(await cached.doc);
  };
}

async function merge(upstreams: Record<string, string>): Promise<Merged> {
  const missing: string[] = [];
  const docs = await Promise.all(
    Object.entries(upstreams).map(async ([name, url]) => {
      try {
        const res = await fetch(`${url.replace(/\/$/, '')}/openapi.json`, {
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`answered ${res.status}`);
        return (await res.json()) as OpenApiDocument;
      } catch {
        missing.push(name);
        return {};
      }
    }),
  );
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const doc of docs) {
    Object.assign(paths, doc.paths);
    Object.assign(schemas, doc.components?.schemas);
  }
  Object.assign(paths, GATEWAY_PATHS);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hearth API',
      version: '0.1.0',
      description:
        'Case management for human-services agencies. Log in at POST /api/v1/auth/login.',
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    'x-missing-upstreams': missing.sort(),
  };
}
