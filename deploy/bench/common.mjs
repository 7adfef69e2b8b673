import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The same servers the tests use: env URLs, else the local ones of deploy/infra.sh. */
export async function servers() {
  const { resolveServers } = require('@hearth/testkit');
  const s = await resolveServers();
  process.env.DATABASE_URL = s.postgresUrl;
  process.env.AMQP_URL = s.amqpUrl;
  process.env.MONGO_URL = s.mongoUrl;
  return s;
}

export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) =>
    sorted.length
      ? Number(
          sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2),
        )
      : NaN;
  return { p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: at(100) };
}
