import { BlockList, isIPv4, isIPv6 } from 'node:net';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { Registry, Histogram, collectDefaultMetrics } from 'prom-client';
import { httpLogger, runWithRequestId, type Logger } from '@hearth/logging';
import { errorHandler, notFoundHandler, sendProblem } from './error-handler';
import { openApiDocument } from './openapi';
import { Problem } from './problem';
import { RouteRegistry } from './route';

/** Where a service declares its routes: an express router and the registry its OpenAPI comes from. */
export interface Api {
  router: Router;
  registry: RouteRegistry;
}

export interface AppOptions {
  service: string;
  logger: Logger;
  version?: string;
  /** Named dependency checks for /readyz; each resolves when the dependency answers (a string result is shown as detail). */
  readiness?: Record<string, () => Promise<unknown>>;
  /** Where the service's mechanisms already keep metrics (e.g. parked messages); served on /metrics too. */
  metrics?: Registry;
  bodyLimit?: string;
  /** Verifies the caller; applied to every route `routes` declares, never to `publicRoutes`. */
  authenticate?: RequestHandler;
  publicRoutes?: (api: Api) => void;
  routes: (api: Api) => void;
  /** Escape hatch for paths outside /api/v1 (e.g. /.well-known/jwks.json); mounted before them. */
  root?: (app: Express) => void;
  /** Parse JSON bodies under /api/v1 (a proxy passes bodies through untouched instead). */
  jsonBody?: boolean;
  /** Answers /openapi.json instead of the document generated from `routes` (the gateway merges its upstreams'). */
  openApi?: RequestHandler;
}

export const API_PREFIX = '/api/v1';
const READINESS_TIMEOUT_MS = 2000;

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, uniquelocal');
  const metrics = options.metrics ?? new Registry();
  collectDefaultMetrics({ register: metrics });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics],
  });

  app.use(httpLogger(options.logger));
  app.use((req, res, next) => {
    const end = duration.startTimer({ method: req.method });
    res.on('finish', () =>
      end({
        route: req.route ? req.baseUrl + req.route.path : 'unmatched',
        status: res.statusCode,
      }),
    );
    runWithRequestId(String(req.id), next);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'alive', service: options.service });
  });
  app.get('/readyz', async (req, res) => {
    const checks = await runChecks(options.readiness ?? {});
    const failing = Object.entries(checks).filter(([, v]) => !v.startsWith('ok'));
    if (failing.length === 0) return void res.json({ status: 'ready', checks });
    const detail = `Not ready: ${failing.map(([k, v]) => `${k} (${v})`).join(', ')}.`;
    sendProblem(
      res,
      new Problem(503, 'Service Unavailable', detail, undefined, { checks }),
      req.path,
    );
  });
  // For the scraper inside the cluster, not the public: through an ingress, req.ip is the client's
  // (X-Forwarded-For is believed from private networks), so an outside caller gets a 404.
  app.get('/metrics', async (req, res, next) => {
    if (!isInternal(req.ip)) return next();
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  const registry = new RouteRegistry();
  const publicRouter = express.Router();
  const privateRouter = express.Router();
  options.publicRoutes?.({ router: publicRouter, registry });
  options.routes({ router: privateRouter, registry });
  const doc = openApiDocument(
    registry,
    { title: options.service, version: options.version ?? '0.1.0' },
    API_PREFIX,
  );
  app.get('/openapi.json', options.openApi ?? ((_req, res) => void res.json(doc)));
  options.root?.(app);

  if (options.jsonBody !== false) {
    app.use(API_PREFIX, express.json({ limit: options.bodyLimit ?? '100kb', strict: true }));
  }
  app.use(API_PREFIX, publicRouter);
  if (options.authenticate) app.use(API_PREFIX, options.authenticate);
  app.use(API_PREFIX, privateRouter);
  app.use(notFoundHandler);
  app.use(errorHandler(options.logger));
  return app;
}

const internal = new BlockList();
for (const [net, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
internal.addAddress('::1', 'ipv6');
internal.addSubnet('fc00::', 7, 'ipv6');

/** Loopback or a private network (IPv4, IPv4-mapped IPv6, or unique-local IPv6). */
export function isInternal(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return isIPv4(v4) ? internal.check(v4, 'ipv4') : isIPv6(ip) && internal.check(ip, 'ipv6');
}

async function runChecks(
  checks: Record<string, () => Promise<unknown>>,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), READINESS_TIMEOUT_MS);
      });
      try {
        const result = await Promise.race([check(), timeout]);
        return [name, typeof result === 'string' ? `ok (${result})` : 'ok'] as const;
      } catch (err) {
        return [name, err instanceof Error ? err.message || 'unreachable' : 'unreachable'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}
