import amqp from 'amqplib';
import { ATTEMPTS_HEADER, RETRIES_HEADER, deadLetterQueueOf } from './consumer';

/** Headers that belong to a message's failed past; a replayed message starts with a clean count. */
const isFailureHistory = (name: string) =>
  name === ATTEMPTS_HEADER ||
  name === RETRIES_HEADER ||
  /^x-(death|first-death-|last-death-)/.test(name);

/**
 * Move every message parked in `<queue>.dlq` back to `<queue>`, each with its attempts reset, and
 * return how many moved. Only the messages parked when it starts are moved: one that fails again
 * is parked again rather than looping. Each is acked from the dead-letter queue only after the
 * broker confirmed its copy, so a crash midway duplicates (the consumer is idempotent), never loses.
 */
export async function replayParked(amqpUrl: string, queue: string): Promise<number> {
  const connection = await amqp.connect(amqpUrl, { timeout: 5000 });
  try {
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined); // the rejected call carries the reason
    const parked = deadLetterQueueOf(queue);
    // A queue no consumer declared is a typo: say so instead of creating or emptying anything.
    await channel.checkQueue(queue).catch(() => {
      throw new Error(`no consumer queue named ${queue} (e.g. enrollment.sharing-facts)`);
    });
    const { messageCount } = await channel.checkQueue(parked);
    let moved = 0;
    while (moved < messageCount) {
      const msg = await channel.get(parked, { noAck: false });
      if (!msg) break;
      const headers = Object.fromEntries(
        Object.entries(msg.properties.headers ?? {}).filter(([name]) => !isFailureHistory(name)),
      );
      await new Promise<void>((resolve, reject) =>
        channel.sendToQueue(
          queue,
          msg.content,
          {
            persistent: true,
            messageId: msg.properties.messageId,
            type: msg.properties.type,
            contentType: msg.properties.contentType,
            headers,
          },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
      channel.ack(msg);
      moved++;
    }
    await channel.close();
    return moved;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
