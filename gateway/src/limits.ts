import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { Problem, sendProblem } from '@hearth/http';

/**
 * Requests per minute, per user (the verified token's subject) and per client IP (before
 * authentication, so floods of bad tokens are limited too). The store is in memory, per process:
 * with several gateway replicas each counts alone, so either run one or give express-rate-limit a
 * shared store (e.g. rate-limit-redis). Behind an ingress, `trust proxy` (set by createApp for
 * loopback and private networks) makes req.ip the client's address.
 */
export function rateLimits(
  perUser: number,
  perIp: number,
): { byIp: RequestHandler; byUser: RequestHandler } {
  const limiter = (limit: number, keyGenerator?: (req: Request) => string, who = 'this address') =>
    rateLimit({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      ...(keyGenerator ? { keyGenerator } : {}),
      handler: (req, res, _next, options) => {
        res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
        sendProblem(
          res,
          new Problem(
            429,
            'Too Many Requests',
            `Too many requests from ${who}; slow down and retry after a minute.`,
          ),
          req.originalUrl,
        );
      },
    });
  return {
    byIp: limiter(perIp),
    byUser: limiter(perUser, (req) => req.actor?.userId ?? 'anonymous', 'your account'),
  };
}

/**
 * Bodies are streamed to the upstream untouched, so their size is checked from Content-Length;
 * a body without one (chunked) is refused rather than counted while it streams past.
 */
export function bodyLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    if (declared === undefined && req.headers['transfer-encoding']) {
      return sendProblem(
        res,
        new Problem(411, 'Length Required', 'Send the body with a Content-Length header.'),
        req.originalUrl,
      );
    }
    if (Number(declared ?? 0) > maxBytes) {
      res.setHeader('Connection', 'close');
      return sendProblem(
        res,
        new Problem(
          413,
          'Content Too Large',
          `The body is larger than the limit of ${maxBytes} bytes.`,
        ),
        req.originalUrl,
      );
    }
    next();
  };
}

/** Headers only the platform may set: a client sending them is ignored, never trusted. */
export const stripInternalHeaders: RequestHandler = (req, _res, next) => {
  for (const name of Object.keys(req.headers))
    if (/^x-(actor|user|org|roles)\b/i.test(name)) delete req.headers[name];
  next();
};
