import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { createLogger, type Logger } from '@hearth/logging';
import { announceAccess, auditDenial, auditDenials } from './audit';
import { decideAccess } from './decide';
import type { Action, Actor, Decision, ParticipantSharing } from './types';

/** How a service loads one participant with the sharing facts it keeps for them. */
export type FindParticipant<P> = (
  db: Queryable,
  participantId: string,
) => Promise<(P & { sharing: ParticipantSharing }) | undefined>;

export type ParticipantGate<P> = (
  db: Queryable,
  actor: Actor,
  participantId: string,
  action: Action,
  now: Date,
  what?: string,
) => Promise<P & { sharing: ParticipantSharing }>;

// A lost audit row must be seen: without the service's logger, failures go to a logger of our own.
let fallbackLogger: Logger | undefined;
const loggerOr = (logger?: Logger) =>
  logger ?? (fallbackLogger ??= createLogger({ service: 'access' }));

/**
 * Writes the denial after the answer has gone out, so a denied read takes as long as a read of a
 * participant that does not exist (no timing oracle). `db` must be a pool, never a transaction's
 * client: the row is written after the request is over.
 */
export function auditDenialAfterAnswer(
  db: Queryable,
  actor: Pick<Actor, 'userId' | 'orgId'>,
  participantId: string,
  action: string,
  reason: string,
  logger?: Logger,
): void {
  setImmediate(() => {
    auditDenial(db, actor, participantId, action, reason).catch((err: unknown) =>
      loggerOr(logger).error({ err, participantId, action }, 'could not write an access denial'),
    );
  });
}

/** The gate's decision announced to the audit trail after the answer (same timing either way). */
function announceAfterAnswer(
  db: Queryable,
  actor: Actor,
  participantId: string,
  action: Action,
  decision: Decision,
  what: string,
  now: Date,
  logger?: Logger,
): void {
  setImmediate(() => {
    announceAccess(db, actor, participantId, action, decision, what, now).catch((err: unknown) =>
      loggerOr(logger).error({ err, participantId, action }, 'could not announce an access'),
    );
  });
}

/**
 * The participant gate every participant-scoped route goes through: find → decideAccess → on
 * denial, audit and answer 404 exactly as if the participant did not exist. Each decision, allowed
 * or denied, is also announced (`access.participant.accessed`) for the one audit trail.
 */
export function participantGate<P>(
  find: FindParticipant<P>,
  options: { logger?: Logger } = {},
): ParticipantGate<P> {
  return async (db, actor, participantId, action, now, what = 'The participant') => {
    const found = await find(db, participantId);
    if (!found) throw notFound(what);
    const decision = decideAccess({ actor, participant: found.sharing, action, now });
    announceAfterAnswer(db, actor, participantId, action, decision, what, now, options.logger);
    if (!decision.allowed) {
      auditDenialAfterAnswer(db, actor, participantId, action, decision.reason, options.logger);
      throw notFound(what);
    }
    return found;
  };
}

/**
 * The participant gate for many participants at once, from sharing facts loaded in one query: the
 * ids the actor may `action`. A participant without facts is allowed to no one (never fail open);
 * the denied ones are audited after the answer in one insert, with the reasons the single gate
 * writes, and its caller answers each like an unknown participant.
 */
export function allowedParticipants(
  db: Queryable,
  actor: Actor,
  sharing: ReadonlyMap<string, ParticipantSharing>,
  action: Action,
  now: Date,
  logger?: Logger,
): Set<string> {
  const allowed = new Set<string>();
  const denials: Array<{ participantId: string; reason: string }> = [];
  for (const [participantId, participant] of sharing) {
    const decision = decideAccess({ actor, participant, action, now });
    if (decision.allowed) allowed.add(participantId);
    else denials.push({ participantId, reason: decision.reason });
  }
  if (denials.length)
    setImmediate(() => {
      auditDenials(db, actor, denials, action).catch((err: unknown) =>
        loggerOr(logger).error(
          { err, action, count: denials.length },
          'could not write access denials',
        ),
      );
    });
  return allowed;
}
