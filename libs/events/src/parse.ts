import { z } from 'zod';
import { catalog } from './catalog';
import { envelope, type Envelope, type EventDefinition } from './envelope';

const byKey = new Map<string, EventDefinition>(catalog.map((d) => [`${d.type}@${d.version}`, d]));

export class InvalidEvent extends Error {}

/** Parse a message body into a known, valid event; anything else is poison for the dead-letter queue. */
export function parseEvent(raw: unknown): Envelope {
  const outer = envelope.safeParse(raw);
  if (!outer.success) throw new InvalidEvent(`Malformed envelope: ${z.prettifyError(outer.error)}`);
  const definition = byKey.get(`${outer.data.type}@${outer.data.version}`);
  if (!definition)
    throw new InvalidEvent(`Unknown event ${outer.data.type} v${outer.data.version}`);
  const data = definition.data.safeParse(outer.data.data);
  if (!data.success)
    throw new InvalidEvent(`Invalid ${outer.data.type} data: ${z.prettifyError(data.error)}`);
  return { ...outer.data, data: data.data };
}

/** Narrow a parsed envelope to one definition's data type. */
export function isEvent<S extends z.ZodType>(
  event: Envelope,
  definition: EventDefinition<S>,
): event is Envelope<z.infer<S>> {
  return event.type === definition.type && event.version === definition.version;
}
