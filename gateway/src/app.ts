import type { Express, Request, RequestHandler, Response, Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { authenticate, tokenVerifier, type KeySource } from '@hearth/auth';
import { API_PREFIX, Problem, badRequest, createApp, notFound } from '@hearth/http';
import type { Logger } from '@hearth/logging';
import { Upstream } from './breaker';
import type { GatewayEnv } from './config';
import { bodyLimits, rateLimits, rejectDeclaredLargeBodies } from './limits';
import { mergedOpenApi } from './openapi';
import { upstreamProxy } from './proxy';
import { readinessChecks } from './readiness';
import { participantDashboard } from './dashboard';
import { composedWorkflowList } from './workflows';
import {
  ACCEPT_INVITATION_PATH,
  COMPOSED_PATHS,
  JWKS_PATH,
  LOGIN_PATH,
  upstreamOf,
  upstreamUrls,
  type UpstreamName,
} from './routes';

export interface Gateway {
  app: Express;
  upstreams: ReadonlyMap<UpstreamName, Upstream>;
  /** Stops the breakers' and key refresh timers, closes pooled upstream sockets (after the server closed). */
  close: () => Promise<void>;
}

/** The only public entry: limits, verifies the token, and routes by resource to the owning service. */
export function buildGateway(
  config: GatewayEnv,
  deps: { logger: Logger; keys?: KeySource },
): Gateway {
  const upstreams = new Map<UpstreamName, Upstream>();
  const bodyLimit = bodyLimits({
    body: config.BODY_LIMIT,
    upload: config.UPLOAD_BODY_LIMIT,
    hmisImport: config.HMIS_IMPORT_BODY_LIMIT,
    paymentBatch: config.PAYMENT_BATCH_BODY_LIMIT,
  });
  for (const [name, url] of Object.entries(upstreamUrls(config)) as [UpstreamName, string][]) {
    if (!url) continue; // not deployed: its routes answer 503
    const proxy = upstreamProxy(url, {
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      bodyLimitBytes: bodyLimit,
    });
    const options = {
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      resetMs: config.BREAKER_RESET_MS,
      logger: deps.logger,
    };
    upstreams.set(name, new Upstream(name, proxy, options));
  }
  const keys = deps.keys ?? { jwksUri: config.JWKS_URL };
  const verify = tokenVerifier({ issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, keys });
  const limits = rateLimits({
    perUserPerMinute: config.RATE_LIMIT_PER_USER_PER_MINUTE,
    perIpPerMinute: config.RATE_LIMIT_PER_IP_PER_MINUTE,
  });

  const forward = (req: Request, res: Response) => {
    const name = upstreamOf(req.path)!; // known: checked by `knownResource` first
    const upstream = upstreams.get(name);
    if (!upstream) throw new Problem(503, 'Service Unavailable', `${name} is not deployed here.`);
    upstream.handle(req, res);
  };

  const app = createApp({
    service: 'gateway',
    logger: deps.logger,
    // No body parser: bodies stream untouched to the owning service, which validates them (a
    // parser before the proxy would consume the stream). Malformed JSON gets the service's 400.
    jsonBody: false,
    openApi: mergedOpenApi(Object.fromEntries([...upstreams].map(([n, u]) => [n, u.target]))),
    readiness: readinessChecks(upstreams.values(), keys),
    root: (root) => {
      root.use(
        '/docs',
        swaggerUi.serve,
        swaggerUi.setup(undefined, { swaggerUrl: '/openapi.json' }),
      );
      root.get(JWKS_PATH, limits.byIp, (req, res) => upstreams.get('identity')!.handle(req, res));
      // Before authentication: floods of anonymous or oversized requests stop here.
      root.use(API_PREFIX, limits.byIp, rejectDeclaredLargeBodies(bodyLimit), knownResource);
    },
    publicRoutes: ({ router }) => {
      router.post(LOGIN_PATH, forward);
      router.post(ACCEPT_INVITATION_PATH, forward);
    },
    authenticate: authenticate(verify),
    routes: ({ router }) => {
      router.use(limits.byUser);
      composedRoutes(router, upstreams, config.UPSTREAM_TIMEOUT_MS);
      router.all('/{*rest}', forward);
    },
  });
  // Only the configured hops decide the client address (createApp would believe any private
  // network): login throttles and rate limits key on it, and identity is told it as X-Client-Address.
  app.set('trust proxy', config.TRUSTED_PROXY_HOPS);
  return {
    app,
    upstreams,
    close: async () => {
      upstreams.forEach((upstream) => upstream.shutdown());
      verify.close(); // the signing keys' refresh timer
    },
  };
}

/** Routes the gateway answers itself, matched before the route table. */
function composedRoutes(
  router: Router,
  upstreams: ReadonlyMap<UpstreamName, Upstream>,
  timeoutMs: number,
): void {
  router.get('/workflows', composedWorkflowList(upstreams, timeoutMs));
  router.get('/participants/:id/dashboard', participantDashboard(upstreams, timeoutMs));
  router.all('/workflows', () => {
    throw notFound('The resource /api/v1/workflows (start a workflow at /workflows/{type})');
  });
}

/** 404 for a resource no service owns; 400 for dot segments, which have no business in our paths. */
const knownResource: RequestHandler = (req, _res, next) => {
  if (req.path.split('/').some((s) => /^(\.|%2e){1,2}$/i.test(s)))
    throw badRequest('Paths may not contain "." or ".." segments.');
  if (!upstreamOf(req.path) && !COMPOSED_PATHS.has(req.path))
    throw notFound(`The resource ${API_PREFIX}${req.path}`);
  next();
};
