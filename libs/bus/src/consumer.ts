import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { withTransaction, type Pool, type PoolClient } from '@hearth/db';
import { parseEvent, type Envelope } from '@hearth/events';
import { isDependencyUnavailable } from '@hearth/http';
import { runWithRequestId, type Logger } from '@hearth/logging';
import type { Broker } from './broker';

export interface ConsumerOptions {
  /** Durable queue name, `<service>.<purpose>`; also the consumer's name in processed_events. */
  queue: string;
  /** Event types (routing keys) to bind, e.g. `intake.participant.created`. */
  eventTypes: string[];
  /** The effect, inside the transaction that also records the event as processed. */
  handle: (event: Envelope, tx: PoolClient) => Promise<void>;
  /** Bounded so in-flight messages never exceed what the pool can serve. */
  prefetch?: number;
  /** Failures before a message is parked in `<queue>.dlq`. */
  maxAttempts?: number;
  /** Delay before retry n is `retryBaseMs * 2^(n-1)`, capped at 30 s. */
  retryBaseMs?: number;
  /**
   * Test isolation only: the broker deletes the queues after this long unused (`x-expires`), so
   * a test run that was killed leaves nothing behind. Unset in production: queues never expire.
   */
  expiresMs?: number;
}

export const ATTEMPTS_HEADER = 'x-attempts';
export const RETRIES_HEADER = 'x-retries';
/** Where a consumer parks what it cannot handle. */
export const deadLetterQueueOf = (queue: string) => `${queue}.dlq`;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * An idempotent consumer: the effect and the processed-event row commit together, so a message
 * delivered twice has one effect. A failing message is retried later through `<queue>.retry`
 * (a TTL queue that dead-letters back), and parked in `<queue>.dlq` after `maxAttempts`; a
 * message that is not a valid event is parked at once. Nothing is acked before it is safe.
 */
export async function startConsumer(
  broker: Broker,
  pool: Pool,
  logger: Logger,
  options: ConsumerOptions,
): Promise<void> {
  const { queue } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const log = logger.child({ consumer: queue });

  await broker.register(async (connection) => {
    const channel = await connection.createConfirmChannel();
    channel.on('error', (err) => log.warn({ err: err.message }, 'consumer channel error'));
    const expiry = options.expiresMs === undefined ? {} : { expires: options.expiresMs };
    await channel.assertQueue(deadLetterQueueOf(queue), { durable: true, ...expiry });
    await channel.assertQueue(`${queue}.retry`, {
      durable: true,
      ...expiry,
      deadLetterExchange: '',
      deadLetterRoutingKey: queue,
    });
    await channel.assertQueue(queue, {
      durable: true,
      ...expiry,
      deadLetterExchange: '',
      deadLetterRoutingKey: deadLetterQueueOf(queue),
    });
    for (const type of options.eventTypes) await channel.bindQueue(queue, broker.exchange, type);
    await channel.prefetch(options.prefetch ?? 10);
    await channel.consume(queue, (msg) => {
      if (msg) void deliver(channel, msg);
    });
  });

  async function deliver(channel: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    let event: Envelope;
    try {
      event = parseEvent(JSON.parse(msg.content.toString('utf8')));
    } catch (err) {
      log.error(
        { messageId: msg.properties.messageId, err: (err as Error).message },
        'invalid message parked in dead-letter queue',
      );
      return channel.nack(msg, false, false);
    }
    await runWithRequestId(event.requestId ?? event.id, async () => {
      try {
        const fresh = await withTransaction(pool, async (tx) => {
          const claimed = await tx.query(
            'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [queue, event.id],
          );
          if (claimed.rowCount === 0) return false; // already done: a redelivery
          await options.handle(event, tx);
          return true;
        });
        channel.ack(msg);
        log.debug({ eventId: event.id, type: event.type, duplicate: !fresh }, 'event handled');
      } catch (err) {
        await retryOrPark(channel, msg, event, err as Error).catch((e) =>
          log.warn(
            { err: (e as Error).message, eventId: event.id },
            'could not schedule retry; message stays unacked',
          ),
        );
      }
    });
  }

  async function retryOrPark(
    channel: ConfirmChannel,
    msg: ConsumeMessage,
    event: Envelope,
    err: Error,
  ): Promise<void> {
    // A database or broker outage is not the message's fault: it waits out the outage uncounted.
    const counted = !isDependencyUnavailable(err);
    const attempts = Number(msg.properties.headers?.[ATTEMPTS_HEADER] ?? 0) + (counted ? 1 : 0);
    const retries = Number(msg.properties.headers?.[RETRIES_HEADER] ?? 0) + 1;
    const context = {
      eventId: event.id,
      type: event.type,
      attempts,
      err: err.message,
      requestId: event.requestId,
    };
    if (attempts >= maxAttempts) {
      log.error(context, 'event failed too often; parked in dead-letter queue');
      return channel.nack(msg, false, false);
    }
    const delay = Math.min(retryBaseMs * 2 ** (retries - 1), MAX_RETRY_DELAY_MS);
    log.warn({ ...context, retryInMs: delay }, 'event failed; will retry');
    await new Promise<void>((resolve, reject) =>
      channel.sendToQueue(
        `${queue}.retry`,
        msg.content,
        {
          ...msg.properties,
          expiration: String(delay),
          headers: {
            ...msg.properties.headers,
            [ATTEMPTS_HEADER]: attempts,
            [RETRIES_HEADER]: retries,
          },
        },
        (e) => (e ? reject(e) : resolve()),
      ),
    );
    channel.ack(msg); // only after the retry copy is safely with the broker
  }
}
