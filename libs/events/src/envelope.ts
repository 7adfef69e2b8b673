import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Who caused an event: a user, or the system itself (scheduled jobs such as auto exit). */
/** A calendar date in event data, `YYYY-MM-DD`: one schema for every event module. */
export const eventDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const eventActor = z.strictObject({
  userId: z.string().uuid().nullable(),
  name: z.string().max(200),
});
export type EventActor = z.infer<typeof eventActor>;

/** The one envelope every event travels in (ARCHITECTURE.md, "Events, not shared tables"). */
export const envelope = z.strictObject({
  id: z.string().uuid(),
  type: z.string().regex(/^[a-z-]+\.[a-z-]+\.[a-z-]+$/, 'type is <service>.<entity>.<verb>'),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime(),
  orgId: z.string().uuid(),
  actor: eventActor,
  requestId: z.string().max(128).optional(),
  data: z.unknown(),
});
export type Envelope<T = unknown> = Omit<z.infer<typeof envelope>, 'data'> & { data: T };

/** A versioned event type; its routing key is its type (`intake.participant.created`). */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  data: S;
}

export function defineEvent<S extends z.ZodType>(
  type: string,
  version: number,
  data: S,
): EventDefinition<S> {
  return { type, version, data };
}

/** Build an envelope for `definition`, validating its data so a producer cannot send what consumers reject. */
export function createEvent<S extends z.ZodType>(
  definition: EventDefinition<S>,
  fields: {
    orgId: string;
    actor: EventActor;
    data: z.input<S>;
    requestId?: string;
    occurredAt?: Date;
  },
): Envelope<z.infer<S>> {
  return {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: (fields.occurredAt ?? new Date()).toISOString(),
    orgId: fields.orgId,
    actor: fields.actor,
    ...(fields.requestId ? { requestId: fields.requestId } : {}),
    data: definition.data.parse(fields.data),
  };
}
