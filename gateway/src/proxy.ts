import http, { type ClientRequest } from 'node:http';
import type { Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { BodyLimit } from './limits';

/** Why a request got no answer from its upstream (a 5xx answer is `server_error`). */
export class UpstreamError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout' | 'server_error' | 'body_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/** The client address the gateway decided on, for the services (identity's login throttle). */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

/** What `forward` settles with when the client hung up before the upstream answered (nginx's 499). */
export const CLIENT_CLOSED = 499;

export interface UpstreamProxy {
  readonly target: string;
  /**
   * Streams one request to the upstream. Resolves with the status as soon as the answer's head
   * arrives (the body then streams on to the client); rejects with an UpstreamError when there is
   * no answer, in which case nothing has been written to `res`.
   */
  forward(req: Request, res: Response): Promise<number>;
  close(): void;
}

interface InFlight {
  proxyReq?: ClientRequest;
  timedOut: boolean;
  tooLarge: boolean;
  answered: (status: number) => void;
  failed: (err: Error) => void;
}

// Hop-by-hop headers describe the client's connection, not ours to the upstream (a forwarded
// `Connection: close` would cost the pooled socket). Identity comes only from the verified token,
// which services verify again themselves: headers a client made up to look like identity are dropped.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'expect']);
const CLIENT_IDENTITY = /^x-(actor|user|org|roles?)(-|$)/i;

/**
 * A keep-alive reverse proxy to one upstream (http-proxy-middleware). Bodies are never parsed
 * here: they stream through, and a body without Content-Length is counted as it streams.
 */
export function upstreamProxy(
  target: string,
  options: { timeoutMs: number; bodyLimitBytes: BodyLimit },
): UpstreamProxy {
  const inFlight = new WeakMap<Request, InFlight>();
  // Without keep-alive every request pays a new TCP connection (PRACTICES.md: 26k → 543 req/s).
  // `timeout` drops idle pooled sockets; Node also honours the upstream's Keep-Alive hint.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 60_000 });

  const countStreamedBody = (req: Request, flight: InFlight) => {
    let bytes = 0;
    const limit = options.bodyLimitBytes(req);
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) return;
      req.off('data', count);
      req.unpipe();
      req.resume(); // read and drop the rest, so the client can still read our 413
      flight.tooLarge = true;
      flight.proxyReq?.destroy();
      const detail = `The body is larger than the limit of ${limit} bytes.`;
      flight.failed(new UpstreamError('body_too_large', detail));
    };
    req.on('data', count);
  };

  const proxy = createProxyMiddleware<Request, Response>({
    target,
    agent,
    xfwd: true,
    proxyTimeout: options.timeoutMs,
    // Mounted under /api/v1 (or at the root): forward the full original path and query.
    pathRewrite: (_path, req) => req.originalUrl,
    on: {
      // 'start' fires just before http-proxy pipes the request, so no chunk goes uncounted.
      start: (req) => {
        const flight = inFlight.get(req);
        if (flight && req.headers['content-length'] === undefined) countStreamedBody(req, flight);
      },
      proxyReq: (proxyReq, req) => {
        const flight = inFlight.get(req);
        if (!flight) return;
        flight.proxyReq = proxyReq;
        if (flight.tooLarge) return void proxyReq.destroy();
        // http-proxy aborts on `proxyTimeout` with a plain "socket hang up"; remember why.
        proxyReq.once('timeout', () => (flight.timedOut = true));
      },
      proxyRes: (proxyRes, req) => inFlight.get(req)?.answered(proxyRes.statusCode ?? 502),
      error: (err: Error & { code?: string }, req) => {
        const flight = inFlight.get(req);
        if (!flight) return;
        const kind = flight.timedOut ? 'timeout' : 'unreachable';
        flight.failed(new UpstreamError(kind, `${kind} (${err.code ?? err.message})`));
      },
    },
  });

  return {
    target,
    forward: (req, res) =>
      new Promise<number>((resolve, reject) => {
        // The answer is awaited for `timeoutMs` from when the body has arrived: a 25 MB upload
        // over a slow link is the link's time, not the upstream's slowness. While a body streams,
        // the socket's idle timeout (proxyTimeout) still catches an upload that stalls.
        let answerDue: NodeJS.Timeout | undefined;
        const settled =
          <T>(settle: (value: T) => void) =>
          (value: T) => {
            clearTimeout(answerDue);
            settle(value);
          };
        const flight: InFlight = {
          timedOut: false,
          tooLarge: false,
          answered: settled(resolve),
          failed: settled(reject),
        };
        inFlight.set(req, flight);
        const awaitAnswer = () => {
          answerDue = setTimeout(() => {
            flight.timedOut = true;
            flight.proxyReq?.destroy();
          }, options.timeoutMs);
        };
        if (req.complete) awaitAnswer();
        else req.once('end', awaitAnswer);
        // A promise settles once: after an answer or failure this does nothing.
        res.once('close', () => flight.answered(CLIENT_CLOSED));
        for (const name of Object.keys(req.headers))
          if (HOP_BY_HOP.has(name) || CLIENT_IDENTITY.test(name)) delete req.headers[name];
        req.headers['x-request-id'] = String(req.id); // set by the access log, echoed to the client
        // Always overwritten, so a client cannot name its own address: `req.ip` is what the
        // configured proxy hops (TRUSTED_PROXY_HOPS) make of the connection.
        req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? '';
        void proxy(req, res, (err?: unknown) =>
          flight.failed(
            err instanceof Error ? err : new UpstreamError('unreachable', 'not proxied'),
          ),
        );
      }),
    close: () => agent.destroy(),
  };
}
