import type { Request, RequestHandler } from 'express';
import { Problem, unauthorized, forbidden, unavailable } from '@hearth/http';
import type { Actor } from './actor';
import { InvalidToken, KeysUnavailable } from './errors';
import type { VerifyToken } from './tokens';

/** Express middleware: a valid bearer token or 401; sets req.actor. */
export function authenticate(verify: VerifyToken): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/.exec(req.headers.authorization ?? '');
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return next(
        unauthorized(
          'Send an access token from POST /api/v1/auth/login as "Authorization: Bearer <token>".',
        ),
      );
    }
    try {
      req.actor = await verify(match[1]);
      next();
    } catch (err) {
      if (err instanceof InvalidToken) {
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        return next(unauthorized(`${err.message} Log in again to get a new token.`));
      }
      if (err instanceof KeysUnavailable)
        return next(unavailable('The signing keys could not be fetched; try again shortly.'));
      next(err); // a defect, answered 500 and logged rather than disguised as an outage
    }
  };
}

/** The verified actor of a request behind `authenticate`. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw new Problem(401, 'Unauthorized', 'No authenticated actor.');
  return req.actor;
}

export function hasRole(actor: Actor, ...roles: string[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** 403 unless the actor holds one of the roles. */
export function requireRole(req: Request, ...roles: string[]): Actor {
  const actor = actorOf(req);
  if (!hasRole(actor, ...roles))
    throw forbidden(`This action needs one of the roles: ${roles.join(', ')}.`);
  return actor;
}
