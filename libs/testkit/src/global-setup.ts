import { resolveServers } from './servers';

/** Jest global setup: resolve the real servers once and hand their URLs to every test worker. */
export default async function globalSetup(): Promise<void> {
  const servers = await resolveServers();
  process.env.DATABASE_URL = servers.postgresUrl;
  process.env.AMQP_URL = servers.amqpUrl;
  process.env.MONGO_URL = servers.mongoUrl;
  (globalThis as { __stopTestServers?: () => Promise<void> }).__stopTestServers = servers.stop;
}
