import http from 'node:http';
import type { Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import CircuitBreaker from 'opossum';
import { Problem, sendProblem } from '@hearth/http';
import type { Logger } from '@hearth/logging';

/** Settles the breaker's promise for one request once the upstream answered or failed. */
interface InFlight {
  settle: (status: number) => void;
  fail: (err: Error) => void;
  startedAt: number;
}
const inFlight = new WeakMap<Request, InFlight>();

class UpstreamFailed extends Error {}

/**
 * One upstream service: a keep-alive proxy (http-proxy-middleware) behind an opossum circuit
 * breaker. A request counts as a failure when the upstream is unreachable, too slow, or answers
 * 5xx; 4xx answers are the caller's business and never trip the breaker. While open, the breaker
 * answers 503 at once; after `resetMs` it lets one request through (half-open) and closes again
 * when that succeeds.
 */
export class Upstream {
  readonly breaker: CircuitBreaker<[Request, Response], number>;
  private readonly proxy: ReturnType<typeof createProxyMiddleware<Request, Response>>;

  constructor(
    readonly name: string,
    readonly target: string,
    private readonly options: { timeoutMs: number; resetMs: number; logger: Logger },
  ) {
    // Without a keep-alive agent every request pays a new TCP connection (PRACTICES.md).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    this.proxy = createProxyMiddleware<Request, Response>({
      target,
      agent,
      xfwd: true,
      proxyTimeout: options.timeoutMs,
      // mounted under /api/v1: put the prefix back
      pathRewrite: (_path, req) => req.originalUrl,
      on: {
        proxyReq: (proxyReq, req) => proxyReq.setHeader('x-request-id', String(req.id)),
        proxyRes: (proxyRes, req) => inFlight.get(req)?.settle(proxyRes.statusCode ?? 502),
        error: (err, req, res) => this.failed(err, req, res as Response),
      },
    });
    this.breaker = new CircuitBreaker(
      (req: Request, res: Response) =>
        new Promise<number>((resolve, reject) => {
          inFlight.set(req, {
            settle: (status) =>
              status >= 500 ? reject(new UpstreamFailed(`answered ${status}`)) : resolve(status),
            fail: reject,
            startedAt: Date.now(),
          });
          void this.proxy(req, res, (err?: unknown) =>
            reject(err instanceof Error ? err : new Error('not proxied')),
          );
        }),
      {
        timeout: options.timeoutMs + 1000, // the proxy's own timeout answers first, with a 504
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        rollingCountTimeout: 10_000,
        resetTimeout: options.resetMs,
        capacity: 512,
      },
    );
    this.breaker.on('open', () =>
      options.logger.warn({ upstream: name }, 'circuit breaker opened'),
    );
    this.breaker.on('close', () =>
      options.logger.info({ upstream: name }, 'circuit breaker closed'),
    );
  }

  get state(): 'closed' | 'open' | 'half_open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  handle(req: Request, res: Response): void {
    this.breaker.fire(req, res).catch((err: Error & { code?: string }) => {
      if (res.headersSent) return; // the upstream's own answer (e.g. its 5xx) already went out
      if (err.code === 'EOPENBREAKER' || err.code === 'ESEMLOCKED') {
        const retry = Math.ceil(this.options.resetMs / 1000);
        res.setHeader('Retry-After', String(retry));
        return sendProblem(
          res,
          new Problem(
            503,
            'Service Unavailable',
            `${this.name} is unavailable; try again in a few seconds.`,
          ),
          req.originalUrl,
        );
      }
      sendProblem(
        res,
        new Problem(504, 'Gateway Timeout', `${this.name} did not answer in time; try again.`),
        req.originalUrl,
      );
    });
  }

  private failed(err: Error & { code?: string }, req: Request, res: Response): void {
    const pending = inFlight.get(req);
    const timedOut =
      pending !== undefined && Date.now() - pending.startedAt >= this.options.timeoutMs;
    pending?.fail(err);
    this.options.logger.warn(
      { upstream: this.name, code: err.code, timedOut },
      'upstream request failed',
    );
    if (!res || typeof res.setHeader !== 'function' || res.headersSent) return;
    const problem = timedOut
      ? new Problem(
          504,
          'Gateway Timeout',
          `${this.name} did not answer within ${this.options.timeoutMs} ms; try again.`,
        )
      : new Problem(503, 'Service Unavailable', `${this.name} is unreachable; try again shortly.`);
    sendProblem(res, problem, req.originalUrl);
  }
}
