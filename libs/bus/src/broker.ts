import amqp, { type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Logger } from '@hearth/logging';

export const DEFAULT_EXCHANGE = 'hearth.events';

export type Setup = (connection: ChannelModel) => Promise<void>;

/**
 * One connection to RabbitMQ that comes back by itself after the broker restarts. Consumers
 * register a setup that is run again on every reconnect (channels and topology are re-declared).
 */
export class Broker {
  private connection?: ChannelModel;
  private publishChannel?: ConfirmChannel;
  private readonly setups: Setup[] = [];
  private readonly returned = new Set<string>();
  private closed = false;
  private retryMs = 250;
  private timer?: NodeJS.Timeout;

  constructor(
    readonly url: string,
    private readonly logger: Logger,
    readonly exchange = DEFAULT_EXCHANGE,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  get connected(): boolean {
    return this.publishChannel !== undefined;
  }

  /** The confirm channel to publish on, or undefined while the broker is unreachable. */
  get publisher(): ConfirmChannel | undefined {
    return this.publishChannel;
  }

  /** True once if the broker returned this message as unroutable (published with `mandatory`). */
  takeReturned(messageId: string): boolean {
    return this.returned.delete(messageId);
  }

  async register(setup: Setup): Promise<void> {
    this.setups.push(setup);
    if (this.connection) await setup(this.connection);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.connection?.close().catch(() => undefined);
  }

  /** Run `use` on a short-lived channel: a failed check (e.g. a missing queue) closes only it. */
  async withChannel<T>(use: (channel: Channel) => Promise<T>): Promise<T> {
    if (!this.connection) throw new Error('broker unreachable');
    const channel = await this.connection.createChannel();
    channel.on('error', () => undefined); // the rejected call below carries the reason
    try {
      return await use(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /** For /readyz. */
  async check(): Promise<void> {
    if (!this.connected) throw new Error('broker unreachable');
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    try {
      // noDelay: without it Nagle's algorithm and delayed ACKs hold confirms back ~40 ms per batch.
      const connection = await amqp.connect(this.url, { timeout: 3000, noDelay: true });
      connection.on('error', (err) =>
        this.logger.warn({ err: err.message }, 'broker connection error'),
      );
      connection.on('close', () => this.lost());
      const channel = await connection.createConfirmChannel();
      await channel.assertExchange(this.exchange, 'topic', { durable: true });
      channel.on('return', (msg) => this.returned.add(String(msg.properties.messageId)));
      channel.on('error', (err) => this.logger.warn({ err: err.message }, 'publish channel error'));
      // A closed channel on a live connection leaves us half-working: start over cleanly.
      channel.on('close', () => connection.close().catch(() => undefined));
      this.connection = connection;
      for (const setup of this.setups) await setup(connection);
      this.publishChannel = channel;
      this.retryMs = 250;
      this.logger.info('broker connected');
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, retryInMs: this.retryMs },
        'broker unreachable, retrying',
      );
      await this.connection?.close().catch(() => undefined);
      this.connection = undefined;
      this.schedule();
    }
  }

  private lost(): void {
    const wasConnected = this.connection !== undefined;
    this.connection = undefined;
    this.publishChannel = undefined;
    if (this.closed || !wasConnected) return;
    this.logger.warn('broker connection lost, reconnecting');
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 5000);
  }
}
