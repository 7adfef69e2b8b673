import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from '@hearth/logging';

export interface Running {
  server: Server;
  port: number;
  url: string;
  /** Stop accepting, let in-flight requests finish (bounded), then close pools and channels. */
  close: () => Promise<void>;
}

export interface ServeOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** Run after the server stopped accepting, in order: consumers, relay, channels, pools. */
  onShutdown?: Array<() => Promise<unknown>>;
  /** main() sets this so SIGTERM / SIGINT shut down gracefully. */
  handleSignals?: boolean;
  drainTimeoutMs?: number;
}

export async function serve(app: Express, options: ServeOptions): Promise<Running> {
  const server = app.listen(options.port, options.host ?? '127.0.0.1');
  server.keepAliveTimeout = 65_000; // longer than the gateway's agent keeps idle sockets
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutdown(server, options));
  if (options.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        options.logger.info({ signal }, 'shutting down');
        close().then(
          () => process.exit(0),
          (err) => {
            options.logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  options.logger.info({ port }, 'listening');
  return { server, port, url: `http://127.0.0.1:${port}`, close };
}

async function shutdown(server: Server, options: ServeOptions): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const drain = options.drainTimeoutMs ?? 10_000;
  const timer = setTimeout(() => server.closeAllConnections(), drain);
  await closed;
  clearTimeout(timer);
  for (const step of options.onShutdown ?? []) {
    try {
      await step();
    } catch (err) {
      options.logger.warn({ err }, 'shutdown step failed');
    }
  }
}
