import { join } from 'node:path';
import { recordEvent } from '@hearth/bus';
import type { MigrationSource, Queryable } from '@hearth/db';
import { ParticipantAccessed, createEvent } from '@hearth/events';
import { currentRequestId } from '@hearth/logging';
import type { Action, Actor, Decision } from './types';

/** The access_denials table; every service that reads participants' records migrates it. */
export const accessAuditMigrations: MigrationSource = {
  scope: 'access',
  dir: join(__dirname, '..', 'migrations'),
};

/**
 * Writes a denied read or change to the audit (ARCHITECTURE: a denied read looks like "not found"
 * and is audited). Call it with the pool, outside the request's transaction, so the row stays
 * when the transaction rolls back.
 */
export async function auditDenial(
  db: Queryable,
  actor: Pick<Actor, 'userId' | 'orgId'>,
  participantId: string,
  action: string,
  reason: string,
): Promise<void> {
  await db.query(
    'INSERT INTO access_denials (user_id, org_id, participant_id, action, reason, request_id) VALUES ($1, $2, $3, $4, $5, $6)',
    [actor.userId, actor.orgId, participantId, action, reason, currentRequestId() ?? null],
  );
}

/** Many denials of one request in one insert (a service for many participants). */
export async function auditDenials(
  db: Queryable,
  actor: Pick<Actor, 'userId' | 'orgId'>,
  denials: ReadonlyArray<{ participantId: string; reason: string }>,
  action: string,
): Promise<void> {
  if (!denials.length) return;
  await db.query(
    `INSERT INTO access_denials (user_id, org_id, participant_id, action, reason, request_id)
     SELECT $1, $2, d.participant_id, $4, d.reason, $5
     FROM unnest($3::uuid[], $6::text[]) AS d (participant_id, reason)`,
    [
      actor.userId,
      actor.orgId,
      denials.map((d) => d.participantId),
      action,
      currentRequestId() ?? null,
      denials.map((d) => d.reason),
    ],
  );
}

/**
 * Announces one decision of the gate (allowed or denied) through the service's own outbox, so the
 * audit trail of every service arrives in one store without code of its own. Call it with the
 * pool: the row stands alone, never rolled back with the request's transaction.
 */
export async function announceAccess(
  db: Queryable,
  actor: Pick<Actor, 'userId' | 'orgId'> & { name?: string },
  participantId: string,
  action: Action,
  decision: Decision,
  what: string,
  now: Date,
): Promise<void> {
  const requestId = currentRequestId();
  await recordEvent(
    db,
    createEvent(ParticipantAccessed, {
      orgId: actor.orgId,
      actor: { userId: actor.userId, name: (actor.name ?? '').slice(0, 200) },
      requestId: requestId ? requestId.slice(0, 128) : undefined,
      occurredAt: now,
      data: {
        participantId,
        userId: actor.userId,
        orgId: actor.orgId,
        action,
        allowed: decision.allowed,
        reason: decision.reason.slice(0, 60),
        what: what.slice(0, 100),
        at: now.toISOString(),
      },
    }),
  );
}
