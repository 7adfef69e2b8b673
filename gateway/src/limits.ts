import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { Problem, sendProblem } from '@hearth/http';

/**
 * Requests per minute per client IP (mounted before authentication, so a flood of requests without
 * a valid token is limited too) and per user (the verified token's `sub`, after authentication).
 * Answers 429 problem+json; express-rate-limit sets Retry-After to the seconds left in the window.
 *
 * The default store is in memory, per process: with several gateway replicas each counts on its
 * own (a client gets up to N times the limit), so run one replica or give both limiters a shared
 * store (e.g. rate-limit-redis). The client IP is right behind an ingress because createApp sets
 * `trust proxy` for loopback and private networks: X-Forwarded-For is believed only from there.
 */
export function rateLimits(limits: { perUserPerMinute: number; perIpPerMinute: number }): {
  byIp: RequestHandler;
  byUser: RequestHandler;
} {
  const tooMany = (who: string): RequestHandler => {
    const problem = new Problem(
      429,
      'Too Many Requests',
      `Too many requests from ${who}; wait as long as Retry-After says, then try again.`,
    );
    return (req, res) => sendProblem(res, problem, req.originalUrl.split('?')[0]);
  };
  return {
    byIp: rateLimit({
      windowMs: 60_000,
      limit: limits.perIpPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: 'per-ip',
      handler: tooMany('this address'),
    }),
    byUser: rateLimit({
      windowMs: 60_000,
      limit: limits.perUserPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: 'per-user',
      keyGenerator: (req) => req.actor?.userId ?? ipKeyGenerator(req.ip ?? 'unknown'),
      handler: tooMany('your account'),
    }),
  };
}

/**
 * A body whose declared Content-Length is over the limit is refused before anything is proxied.
 * The connection is closed after the 413 rather than reading the rest of a body nobody wants.
 * (A body sent without Content-Length is counted as it streams, in proxy.ts.)
 */
export function rejectDeclaredLargeBodies(maxBytes: number): RequestHandler {
  const problem = new Problem(
    413,
    'Content Too Large',
    `The body is larger than the limit of ${maxBytes} bytes.`,
  );
  return (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) <= maxBytes) return next();
    res.setHeader('Connection', 'close');
    sendProblem(res, problem, req.originalUrl.split('?')[0]);
  };
}
