import type { Express, Request, Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { authenticate, tokenVerifier, type KeySource } from '@hearth/auth';
import { createApp, notFound } from '@hearth/http';
import type { Logger } from '@hearth/logging';
import type { GatewayEnv } from './config';
import { bodyLimit, rateLimits, stripInternalHeaders } from './limits';
import { mergedOpenApi } from './openapi';
import { ROUTES, upstreamUrls } from './routes';
import { Upstream } from './upstream';

/** The only public entry: verifies the token, limits, and routes by resource to the owning service. */
export function buildGateway(
  config: GatewayEnv,
  deps: { logger: Logger; keys?: KeySource },
): { app: Express; upstreams: Map<string, Upstream> } {
  const upstreams = new Map(
    Object.entries(upstreamUrls(config))
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, url]) => [
        name,
        new Upstream(name, url, {
          timeoutMs: config.UPSTREAM_TIMEOUT_MS,
          resetMs: config.BREAKER_RESET_MS,
          logger: deps.logger,
        }),
      ]),
  );
  const verify = tokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    keys: deps.keys ?? { jwksUri: config.JWKS_URL },
  });
  const limits = rateLimits(
    config.RATE_LIMIT_PER_USER_PER_MINUTE,
    config.RATE_LIMIT_PER_IP_PER_MINUTE,
  );
  const checkToken = authenticate(verify);

  const forward = (req: Request, res: Response) => {
    const resource = req.path.split('/')[1] ?? '';
    const name = Object.hasOwn(ROUTES, resource) ? ROUTES[resource] : undefined;
    if (!name) throw notFound(`The resource /api/v1/${resource}`);
    const upstream = upstreams.get(name);
    if (!upstream)
      throw notFound(`The resource /api/v1/${resource} (its service is not deployed here)`);
    upstream.handle(req, res);
  };

  const app = createApp({
    service: 'gateway',
    logger: deps.logger,
    jsonBody: false, // bodies stream through to the owning service, which validates them
    openApi: mergedOpenApi(Object.fromEntries([...upstreams].map(([name, u]) => [name, u.target]))),
    // The gateway is ready when it runs; upstream trouble is reported, not turned into an outage.
    readiness: Object.fromEntries(
      [...upstreams].map(([name, u]) => [`upstream_${name}`, async () => `breaker ${u.state}`]),
    ),
    root: (root) => {
      root.use(
        '/docs',
        swaggerUi.serve,
        swaggerUi.setup(undefined, { swaggerUrl: '/openapi.json' }),
      );
      root.get('/.well-known/jwks.json', (req, res) => upstreams.get('identity')!.handle(req, res));
      root.use('/api/v1', limits.byIp, bodyLimit(config.BODY_LIMIT_BYTES), stripInternalHeaders);
    },
    // The one route reachable without a token.
    publicRoutes: ({ router }) => {
      router.post('/auth/login', forward);
    },
    authenticate: checkToken,
    routes: ({ router }) => {
      router.use(limits.byUser);
      router.all('/{*rest}', forward);
    },
  });
  return { app, upstreams };
}
