// One service's process (services, unless told: documents for its bench) and a gateway in front of
// it, from their built dist/, on a fresh database of their own and the testkit's signing keys.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { servers } from './common.mjs';

const require = createRequire(import.meta.url);
const { publicJwk } = require('@hearth/auth');
const { testPrivateKeyPem } = require('@hearth/testkit');
const root = join(import.meta.dirname, '..', '..');

const start = (dir, env) =>
  spawn(process.execPath, [join(root, dir, 'dist/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

async function healthy(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

/** A fresh database each run: the figures never depend on what earlier runs left. */
async function freshDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The service benched by default: its directory and the gateway variable naming its address. */
const SERVICES = { dir: 'services/services', upstream: 'SERVICES_URL', env: {} };

/**
 * Starts the service on `ports.services`, the gateway on `ports.gateway` and a key set on
 * `ports.jwks` (each bench its own ports, so two benches never meet); answers the database URL,
 * the gateway URL, the service's process id (for its memory) and `stop`.
 */
export async function startServicesStack(database, ports, service = SERVICES) {
  const { amqpUrl, postgresUrl } = await servers();
  const url = await freshDatabase(postgresUrl, database);
  const jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ keys: [publicJwk({ kid: 'test-key', privateKeyPem: testPrivateKeyPem })] }),
    );
  }).listen(ports.jwks, '127.0.0.1');
  const JWKS_URL = `http://127.0.0.1:${ports.jwks}/jwks.json`;
  const servicesUrl = `http://127.0.0.1:${ports.services}`;
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const processes = [
    start(service.dir, {
      PORT: String(ports.services),
      DATABASE_URL: url,
      AMQP_URL: amqpUrl,
      JWKS_URL,
      ...service.env,
    }),
    start('gateway', {
      PORT: String(ports.gateway),
      JWKS_URL,
      IDENTITY_URL: 'http://127.0.0.1:3901',
      [service.upstream]: servicesUrl,
      RATE_LIMIT_PER_USER_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_IP_PER_MINUTE: '100000000',
      ...service.gatewayEnv,
    }),
  ];
  const stop = () => {
    for (const p of processes) p.kill('SIGTERM');
    jwks.close();
  };
  try {
    await Promise.all([healthy(servicesUrl), healthy(gatewayUrl)]);
  } catch (err) {
    stop();
    throw err;
  }
  return { databaseUrl: url, gatewayUrl, pid: processes[0].pid, stop };
}
