import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, type EventDefinition } from '@hearth/events';
import type { z } from 'zod';

/** Records a coordinated-entry event in the transaction of its change, at the service's "now". */
export function announce<S extends z.ZodType>(
  tx: Queryable,
  definition: EventDefinition<S>,
  actor: Actor,
  data: z.input<S>,
  at: Date,
): Promise<void> {
  return recordEvent(
    tx,
    createEvent(definition, { orgId: actor.orgId, ...authorOf(actor), data, occurredAt: at }),
  );
}
