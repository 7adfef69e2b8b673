import amqp from 'amqplib';
import { deadLetterQueueOf } from './consumer';

/** The queues a consumer declares: its own, its retry queue and its dead-letter queue. */
export const consumerQueues = (queue: string) => [
  queue,
  `${queue}.retry`,
  deadLetterQueueOf(queue),
];

/**
 * Deletes what a test instance declared on a shared broker (never called in production: its
 * queues are durable and stay): each consumer's queues once nobody consumes the main one (a
 * replica still running keeps them, with their retries and parked messages), then the exchange
 * once nothing is bound to it. Whatever cannot go now expires by itself (`expiresMs`).
 */
export async function deleteTopology(
  url: string,
  topology: { queues: readonly string[]; exchange?: string },
): Promise<void> {
  const connection = await amqp.connect(url);
  // a refused delete (still in use) closes its channel: one channel per attempt
  const attempt = async (op: (channel: amqp.Channel) => Promise<unknown>) => {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    const done = await op(channel).then(
      () => true,
      () => false,
    );
    if (done) await channel.close().catch(() => undefined);
    return done;
  };
  try {
    for (const queue of topology.queues)
      if (await attempt((c) => c.deleteQueue(queue, { ifUnused: true })))
        for (const other of consumerQueues(queue).slice(1))
          await attempt((c) => c.deleteQueue(other));
    const { exchange } = topology;
    if (exchange) await attempt((c) => c.deleteExchange(exchange, { ifUnused: true }));
  } finally {
    await connection.close().catch(() => undefined);
  }
}
