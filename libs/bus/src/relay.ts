import type pg from 'pg';
import type { Pool } from '@hearth/db';
import type { Logger } from '@hearth/logging';
import type { Envelope } from '@hearth/events';
import type { Broker } from './broker';
import { OUTBOX_CHANNEL } from './outbox';

export interface RelayOptions {
  batchSize?: number;
  /** Safety net when a NOTIFY is missed (listener reconnecting, another instance's commit). */
  pollMs?: number;
  confirmTimeoutMs?: number;
}

interface OutboxRow {
  seq: string;
  id: string;
  routing_key: string;
  envelope: Envelope;
  attempts: number;
}

/**
 * Publishes outbox rows with publisher confirms and `mandatory`, and marks a row sent only after
 * its confirm. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances can run. A row
 * that fails (broker down, unroutable, no confirm in time) waits with back-off and is tried again.
 */
export class OutboxRelay {
  private listener?: pg.PoolClient;
  /** Gives the LISTEN connection back exactly once, whether it broke or the relay stopped. */
  private dropListener?: () => void;
  private wake?: () => void;
  /** Set by a NOTIFY that arrives while a batch is being published, so it is not slept through. */
  private notified = false;
  private stopped = false;
  private loop?: Promise<void>;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly confirmTimeoutMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly broker: Broker,
    private readonly logger: Logger,
    options: RelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollMs = options.pollMs ?? 1000;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 5000;
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.dropListener?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await this.listen();
      this.notified = false;
      let more = false;
      try {
        more = await this.publishBatch();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'outbox relay pass failed');
      }
      if (!more && !this.notified) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  /** LISTEN on a dedicated connection; if it breaks, polling carries on until it is back. */
  private async listen(): Promise<void> {
    if (this.listener || this.stopped) return;
    try {
      const client = await this.pool.connect();
      let released = false;
      const drop = (broken: boolean) => {
        if (released) return;
        released = true;
        if (this.listener === client) this.listener = undefined;
        client.release(broken);
      };
      this.dropListener = () => drop(false);
      client.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      client.on('error', () => drop(true));
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`).catch((err) => {
        drop(true);
        throw err;
      });
      this.listener = client;
    } catch {
      // database unreachable: the next pass tries again
    }
  }

  /** Publish one batch; true when there may be more waiting. */
  private async publishBatch(): Promise<boolean> {
    const channel = this.broker.publisher;
    if (!channel) return false; // broker down: rows stay in the outbox
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        `SELECT seq, id, routing_key, envelope, attempts FROM outbox
         WHERE sent_at IS NULL AND next_attempt_at <= now()
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      const results = await Promise.all(rows.map((row) => this.publish(channel, row)));
      const sent = rows.filter((_, i) => results[i] === undefined).map((r) => r.seq);
      const failed = rows.flatMap((r, i) =>
        results[i] === undefined ? [] : [{ seq: r.seq, error: results[i] }],
      );
      if (sent.length)
        await client.query('UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])', [
          sent,
        ]);
      for (const f of failed) {
        // Back-off doubles per attempt, capped at a minute: unroutable events wait for a consumer to bind.
        await client.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = now() + least(interval '60 seconds', interval '100 milliseconds' * power(2, attempts))
           WHERE seq = $1`,
          [f.seq, f.error],
        );
      }
      await client.query('COMMIT');
      if (failed.length)
        this.logger.warn(
          { failed: failed.length, firstError: failed[0].error },
          'outbox events not published; will retry',
        );
      return rows.length === this.batchSize && failed.length === 0;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private publish(
    channel: NonNullable<Broker['publisher']>,
    row: OutboxRow,
  ): Promise<string | undefined> {
    return publishConfirmed(this.broker, channel, row.envelope, this.confirmTimeoutMs);
  }
}

/**
 * Publishes one event as every relay does (persistent, mandatory, the request id in its headers)
 * and resolves undefined once the broker confirmed and routed it, else with the reason it did not
 * (a store that is not the outbox table, such as a MongoDB document's embedded events, uses it too).
 */
export function publishConfirmed(
  broker: Broker,
  channel: NonNullable<Broker['publisher']>,
  envelope: Envelope,
  confirmTimeoutMs = 5000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no publisher confirm in time'), confirmTimeoutMs);
    try {
      channel.publish(
        broker.exchange,
        envelope.type,
        Buffer.from(JSON.stringify(envelope)),
        {
          persistent: true,
          mandatory: true,
          messageId: envelope.id,
          type: envelope.type,
          contentType: 'application/json',
          headers: envelope.requestId ? { 'x-request-id': envelope.requestId } : {},
        },
        (err) => {
          clearTimeout(timer);
          if (err) return resolve(`nacked: ${String(err)}`);
          // basic.return precedes the ack of an unroutable mandatory message
          resolve(
            broker.takeReturned(envelope.id)
              ? 'unroutable: no queue is bound for it yet'
              : undefined,
          );
        },
      );
    } catch (err) {
      clearTimeout(timer);
      resolve(`publish failed: ${(err as Error).message}`);
    }
  });
}
