import { isIPv6 } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { Problem, sendProblem } from '@hearth/http';

const WINDOW_MS = 60_000;

/**
 * Requests per minute per client IP (mounted before authentication, so a flood of requests without
 * a valid token is limited too) and per user (the verified token's `sub`, after authentication).
 * Over the limit: 429 problem+json with Retry-After, the seconds left in the window. Every answer
 * carries the IETF `RateLimit` / `RateLimit-Policy` headers.
 *
 * Counted here, not with express-rate-limit: with it, the gateway kept 50.8% of the direct
 * throughput in `npm run bench -- gateway`; with this synchronous counter, 57.4% (same machine, one
 * session). Its async middleware and hashed draft-8 headers were the difference.
 *
 * The counts are in memory, per process: with several gateway replicas each counts on its own (a
 * client gets up to N times the limit), so run one replica or put the limit at the ingress. The
 * client IP is right behind an ingress when TRUSTED_PROXY_HOPS counts it (the gateway sets
 * `trust proxy` to that many hops): X-Forwarded-For is believed only that far.
 */
export function rateLimits(limits: { perUserPerMinute: number; perIpPerMinute: number }): {
  byIp: RequestHandler;
  byUser: RequestHandler;
} {
  return {
    byIp: fixedWindow(limits.perIpPerMinute, (req) => clientNetwork(req.ip), 'this address'),
    byUser: fixedWindow(
      limits.perUserPerMinute,
      (req) => req.actor?.userId ?? clientNetwork(req.ip),
      'your account',
    ),
  };
}

/** At most `limit` requests per key in each fixed one-minute window. */
function fixedWindow(limit: number, keyOf: (req: Request) => string, who: string): RequestHandler {
  let counts = new Map<string, number>();
  let resetAt = Date.now() + WINDOW_MS;
  const policy = `${limit};w=${WINDOW_MS / 1000}`;
  const problem = new Problem(
    429,
    'Too Many Requests',
    `Too many requests from ${who}; wait as long as Retry-After says, then try again.`,
  );
  return (req, res, next) => {
    const now = Date.now();
    if (now >= resetAt) {
      counts = new Map(); // a new window: the old counts (and their keys) are dropped at once
      resetAt = now + WINDOW_MS;
    }
    const key = keyOf(req);
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    const reset = Math.ceil((resetAt - now) / 1000);
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader(
      'RateLimit',
      `limit=${limit}, remaining=${Math.max(limit - used, 0)}, reset=${reset}`,
    );
    if (used <= limit) return next();
    res.setHeader('Retry-After', String(reset));
    sendProblem(res, problem, req.originalUrl.split('?')[0]);
  };
}

/**
 * The key of a client address. An IPv6 client usually holds a whole /64 and could rotate through
 * it, so IPv6 addresses count by their /64 prefix.
 */
export function clientNetwork(ip: string | undefined): string {
  if (!ip || !isIPv6(ip) || ip.startsWith('::ffff:')) return ip ?? 'unknown';
  const [head, tail] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * A body whose declared Content-Length is over the limit is refused before anything is proxied.
 * The connection is closed after the 413 rather than reading the rest of a body nobody wants.
 * (A body sent without Content-Length is counted as it streams, in proxy.ts.)
 */
export function rejectDeclaredLargeBodies(limitOf: BodyLimit): RequestHandler {
  return (req, res, next) => {
    const maxBytes = limitOf(req);
    if (Number(req.headers['content-length'] ?? 0) <= maxBytes) return next();
    res.setHeader('Connection', 'close');
    const detail = `The body is larger than the limit of ${maxBytes} bytes.`;
    sendProblem(res, new Problem(413, 'Content Too Large', detail), req.originalUrl.split('?')[0]);
  };
}

/** The largest body a request may carry, by its route. */
export type BodyLimit = (req: Request) => number;

/** Uploading a document, an HMIS import's zip and the finance hub's payment batch take larger limits; every other route, the small one. */
export const UPLOAD_PATH = '/api/v1/documents';
export const HMIS_IMPORT_PATH = '/api/v1/imports';
export const PAYMENT_BATCH_PATH = '/api/v1/payments/batch';
export const bodyLimits =
  (limits: { body: number; upload: number; hmisImport: number; paymentBatch: number }): BodyLimit =>
  (req) => {
    if (req.method !== 'POST') return limits.body;
    const path = req.originalUrl.split('?')[0];
    if (path === UPLOAD_PATH) return limits.upload;
    if (path === HMIS_IMPORT_PATH) return limits.hmisImport;
    return path === PAYMENT_BATCH_PATH ? limits.paymentBatch : limits.body;
  };
