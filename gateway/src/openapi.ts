import type { RequestHandler } from 'express';

interface Document {
  paths?: Record<string, unknown>;
  components?: { securitySchemes?: Record<string, unknown> };
}

/**
 * The merged OpenAPI document of every configured upstream, refreshed at most every 30 s. An
 * upstream that does not answer is listed in `x-missing-upstreams` instead of failing the page.
 */
export function mergedOpenApi(upstreams: Record<string, string>, ttlMs = 30_000): RequestHandler {
  let cached: { at: number; doc: object } | undefined;
  return async (_req, res) => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const paths: Record<string, unknown> = {};
      const missing: string[] = [];
      await Promise.all(
        Object.entries(upstreams).map(async ([name, url]) => {
          try {
            const doc = (await (
              await fetch(`${url}/openapi.json`, { signal: AbortSignal.timeout(2000) })
            ).json()) as Document;
            Object.assign(paths, doc.paths ?? {});
          } catch {
            missing.push(name);
          }
        }),
      );
      cached = {
        at: Date.now(),
        doc: {
          openapi: '3.1.0',
          info: {
            title: 'Hearth API',
            version: '0.1.0',
            description:
              'Case management for human-services agencies. Log in at POST /api/v1/auth/login.',
          },
          components: {
            securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
          },
          security: [{ bearer: [] }],
          paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
          'x-missing-upstreams': missing.sort(),
        },
      };
      if (missing.length) cached.at = Date.now() - ttlMs + 5000; // retry the missing ones soon
    }
    res.json(cached.doc);
  };
}
