import type { Request, Response } from 'express';
import CircuitBreaker from 'opossum';
import { Problem, sendProblem } from '@hearth/http';
import type { Logger } from '@hearth/logging';
import { UpstreamError, type UpstreamProxy } from './proxy';

export type BreakerState = 'closed' | 'open' | 'half_open';

/** One request through the breaker: proxied, or the gateway's own call; resolves to its status. */
interface Attempt {
  reqId: unknown;
  run: () => Promise<number>;
}

/**
 * Requests one upstream may have in flight: its agent's 256 sockets and as many again waiting for
 * one. Beyond that the gateway sheds load with a 503 instead of queueing without bound.
 */
const CAPACITY = 512;

/**
 * The answers that mean the upstream itself is unhealthy: it is overloaded or a dependency of it
 * is down (our services answer 503 then, libs/http), or something between us and it failed (502,
 * 504). A 500 is different: it is one request tripping a bug. Counting it would let one client
 * open the breaker for everyone by repeating a bad request, so it is logged and passed on, but the
 * upstream stays in service. Unreachable and timed-out requests count too (they are rejections).
 */
const UNHEALTHY = new Set([502, 503, 504]);

/**
 * One upstream service behind an opossum circuit breaker. The breaker wraps the proxying of one
 * request as a promise (UpstreamProxy.forward): it fails when the upstream is unreachable, too slow
 * or answers 502/503/504 (UNHEALTHY); a 4xx or a 500 answer counts as a success. When at least 5
 * requests in 10 s saw over 50% failures the breaker opens and every request gets a 503 at once,
 * without touching the upstream; after `resetMs` one request is let through (half-open) and closes
 * the breaker again if it succeeds.
 */
export class Upstream {
  private readonly breaker: CircuitBreaker<[Attempt], number>;

  constructor(
    readonly name: string,
    private readonly proxy: UpstreamProxy,
    private readonly options: { timeoutMs: number; resetMs: number; logger: Logger },
  ) {
    this.breaker = new CircuitBreaker(
      async (attempt: Attempt) => {
        const status = await attempt.run();
        // A proxied answer is already on its way to the client; it still counts against the upstream.
        if (UNHEALTHY.has(status))
          throw new UpstreamError('server_error', `${name} answered ${status}`);
        if (status >= 500)
          options.logger.warn(
            { upstream: name, reqId: attempt.reqId, status },
            'upstream answered a server error (a bug, not counted against it)',
          );
        return status;
      },
      {
        // no timeout of its own: the proxy's starts once the body has arrived and answers 504
        timeout: false,
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        rollingCountTimeout: 10_000,
        resetTimeout: options.resetMs,
        capacity: CAPACITY,
        // Not the upstream's fault: a body over the limit, or this gateway's own queue being full.
        errorFilter: (err: Error & { code?: string }) =>
          err.code === 'ESEMLOCKED' ||
          (err instanceof UpstreamError && err.kind === 'body_too_large'),
      },
    );
    const log = options.logger.child({ upstream: name });
    this.breaker.on('open', () => log.warn('circuit breaker opened'));
    this.breaker.on('halfOpen', () => log.info('circuit breaker half-open: trying one request'));
    this.breaker.on('close', () => log.info('circuit breaker closed'));
  }

  get target(): string {
    return this.proxy.target;
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  /** Proxies the request, or answers it with problem+json when the upstream cannot. */
  handle(req: Request, res: Response): void {
    this.breaker
      .fire({ reqId: req.id, run: () => this.proxy.forward(req, res) })
      .catch((err: Error & { code?: string }) => {
        const answered = err instanceof UpstreamError && err.kind === 'server_error';
        if (answered || res.headersSent) return; // the upstream's own answer is streaming out
        this.options.logger.warn(
          { upstream: this.name, reqId: req.id, code: err.code ?? (err as UpstreamError).kind },
          'upstream request failed',
        );
        const problem = this.problemFor(err);
        if (problem.status === 503)
          res.setHeader('Retry-After', String(Math.ceil(this.options.resetMs / 1000)));
        sendProblem(res, problem, req.originalUrl.split('?')[0]);
      });
  }

  /**
   * A GET the gateway makes itself (a composition), through the same breaker as the proxied
   * requests: its status and JSON body, or undefined when the upstream could not answer (breaker
   * open, unreachable, slower than `timeoutMs`, 502/503/504).
   */
  async getJson(
    path: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ status: number; body: unknown } | undefined> {
    let body: unknown;
    const run = async () => {
      const res = await fetch(`${this.target.replace(/\/$/, '')}${path}`, {
        headers,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // a body that is not JSON is no answer the caller can use, not the upstream being down
      body = await res.json().catch(() => undefined);
      return res.status;
    };
    try {
      return { status: await this.breaker.fire({ reqId: headers['x-request-id'], run }), body };
    } catch {
      return undefined;
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
    this.proxy.close();
  }

  private problemFor(err: Error & { code?: string }): Problem {
    const kind = err instanceof UpstreamError ? err.kind : err.code;
    switch (kind) {
      case 'EOPENBREAKER':
      case 'ESEMLOCKED':
      case 'unreachable':
        return new Problem(
          503,
          'Service Unavailable',
          `${this.name} is unavailable; try again in a few seconds.`,
        );
      case 'timeout':
        return new Problem(
          504,
          'Gateway Timeout',
          `${this.name} did not answer within ${this.options.timeoutMs} ms; try again.`,
        );
      case 'body_too_large':
        return new Problem(413, 'Content Too Large', err.message);
      default:
        return new Problem(502, 'Bad Gateway', `${this.name} could not be reached.`);
    }
  }
}
