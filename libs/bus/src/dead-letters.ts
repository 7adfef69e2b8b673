import { Gauge, type Registry } from 'prom-client';
import type { Broker } from './broker';
import { deadLetterQueueOf } from './consumer';

/** How many messages wait in `<queue>.dlq`. */
export function parkedCount(broker: Broker, queue: string): Promise<number> {
  return broker.withChannel(
    async (channel) => (await channel.checkQueue(deadLetterQueueOf(queue))).messageCount,
  );
}

/**
 * One /readyz entry per consumer queue, `parked:<queue>`, answering "N parked". Parked messages
 * do not make the instance unready (it still serves), but they are facts the service is missing,
 * so they are shown where an operator looks first. Replay them with `npm run dlq:replay -- <queue>`.
 */
export function deadLetterReadiness(
  broker: Broker,
  queues: readonly string[],
): Record<string, () => Promise<string>> {
  return Object.fromEntries(
    queues.map((queue) => [
      `parked:${queue}`,
      async () => `${await parkedCount(broker, queue)} parked`,
    ]),
  );
}

/** `hearth_dead_letter_messages{queue}`: counted at scrape time, so an alert can fire on > 0. */
export function deadLetterGauge(
  registry: Registry,
  broker: Broker,
  queues: readonly string[],
): Gauge {
  return new Gauge({
    name: 'hearth_dead_letter_messages',
    help: 'Messages parked in a consumer queue’s dead-letter queue (<queue>.dlq)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset(); // a queue we cannot count right now shows no sample rather than a stale one
      for (const queue of queues) {
        const count = await parkedCount(broker, queue).catch(() => undefined);
        if (count !== undefined) this.set({ queue }, count);
      }
    },
  });
}
