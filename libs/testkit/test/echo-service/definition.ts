import { join } from 'node:path';
import express from 'express';
import type { ServiceEnv } from '@hearth/config';
import { ParticipantCreated } from '@hearth/events';
import type { ServiceDefinition } from '@hearth/runtime';

/**
 * The smallest real service: two consumers of intake.participant.created, the second slower
 * than the first, so a test can tell "one consumer done" from "every consumer done".
 */
export const echoService: ServiceDefinition<ServiceEnv> = {
  name: 'echo',
  migrationsDir: join(__dirname, 'migrations'),
  app: () => express(),
  consumers: () =>
    ['echo.quick', 'echo.slow'].map((queue) => ({
      queue,
      eventTypes: [ParticipantCreated.type],
      handle: async (event, tx) => {
        if (queue === 'echo.slow') await new Promise((r) => setTimeout(r, 400));
        await tx.query('INSERT INTO effects (consumer, event_id) VALUES ($1, $2)', [
          queue,
          event.id,
        ]);
      },
    })),
};
