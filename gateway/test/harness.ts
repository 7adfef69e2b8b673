import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type Running } from '@hearth/http';
import { recordingLogger, testKeys } from '@hearth/testkit';
import { buildGateway } from '../src/app';
import { gatewayEnv } from '../src/config';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A small real upstream that records what reached it and answers with a configurable behaviour:
 * `fail` is an unhealthy upstream (503); a path naming `provoke-500` is a request that trips a bug
 * (500) while the upstream is otherwise healthy.
 */
export async function fakeUpstream(name: string) {
  const seen: Seen[] = [];
  let behaviour: 'ok' | 'fail' | 'slow' | 'client_error' = 'ok';
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/openapi.json')
        return void res.end(JSON.stringify({ paths: { [`/api/v1/${name}-thing`]: { get: {} } } }));
      const answer = (status: number) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ upstream: name, url: req.url }));
      };
      if (req.url!.includes('provoke-500')) answer(500);
      else if (behaviour === 'fail') answer(503);
      else if (behaviour === 'client_error') answer(404);
      else if (behaviour === 'slow') setTimeout(() => answer(200), 600);
      else answer(200);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    set: (b: typeof behaviour) => (behaviour = b),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function startGateway(
  upstreams: Record<string, string>,
  overrides: Record<string, string> = {},
) {
  const { logger, lines } = recordingLogger('gateway');
  const config = gatewayEnv.parse({
    PORT: '0',
    JWKS_URL: 'http://127.0.0.1:1/unused',
    IDENTITY_URL: upstreams.identity,
    INTAKE_URL: upstreams.intake,
    ENROLLMENT_URL: upstreams.enrollment,
    UPSTREAM_TIMEOUT_MS: '200',
    BREAKER_RESET_MS: '300',
    BODY_LIMIT: '1mb',
    ...overrides,
  });
  const { app, upstreams: breakers } = buildGateway(config, { logger, keys: testKeys });
  const running: Running = await serve(app, { port: 0, logger });
  return { url: running.url, logs: lines, breakers, close: running.close };
}
