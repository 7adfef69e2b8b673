// Gateway overhead: the same authenticated read (GET /api/v1/participants/{id}: token check, access
// decision, Postgres) measured directly against intake and through the gateway, in one run.
// Goal (issue #2): through the gateway ≥ 70% of direct throughput and ≤ 2 ms added at the median.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH_ORG, idAt } from '../generate-participants.mjs';
import { servers } from './common.mjs';
import { prepareMatchingDatabase } from './matching.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { publicJwk } = require('@hearth/auth');
const { mintToken, testPrivateKeyPem } = require('@hearth/testkit');
const root = join(import.meta.dirname, '..', '..');

function start(dir, env) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE === dir ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      join(root, dir, 'dist/main.js'),
    ],
    { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return child;
}

async function healthy(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

const load = (url, token, seconds, connections = 32) =>
  autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });

export async function benchGateway({ seconds = 15 } = {}) {
  const { amqpUrl, postgresUrl } = await servers();
  const databaseUrl = await prepareMatchingDatabase(postgresUrl, amqpUrl, 1000);
  const jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ keys: [publicJwk({ kid: 'test-key', privateKeyPem: testPrivateKeyPem })] }),
    );
  }).listen(3909, '127.0.0.1');
  const JWKS_URL = 'http://127.0.0.1:3909/jwks.json';
  const intake = start('services/intake', {
    PORT: '3902',
    DATABASE_URL: databaseUrl,
    AMQP_URL: amqpUrl,
    JWKS_URL,
    SSN_KEYS: `b:${randomBytes(32).toString('base64')}`,
    SSN_ACTIVE_KEY_ID: 'b',
  });
  const gateway = start('gateway', {
    PORT: '3900',
    JWKS_URL,
    IDENTITY_URL: 'http://127.0.0.1:3901',
    INTAKE_URL: 'http://127.0.0.1:3902',
    ENROLLMENT_URL: 'http://127.0.0.1:3903',
    RATE_LIMIT_PER_USER_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '100000000',
  });
  try {
    await Promise.all([healthy('http://127.0.0.1:3902'), healthy('http://127.0.0.1:3900')]);
    const token = mintToken({
      userId: BENCH_ORG,
      orgId: BENCH_ORG,
      roles: ['caseworker'],
      name: 'Bench',
    });
    const path = `/api/v1/participants/${idAt(1)}`;
    const check = await fetch(`http://127.0.0.1:3900${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (check.status !== 200)
      throw new Error(`through the gateway the read answered ${check.status}`);
    await load(`http://127.0.0.1:3902${path}`, token, 3); // warm up both paths
    await load(`http://127.0.0.1:3900${path}`, token, 3);
    // Throughput: both paths saturated (32 connections). Added latency: one request at a time, where
    // the median is the work itself and not time spent queueing behind other requests.
    const direct = await load(`http://127.0.0.1:3902${path}`, token, seconds);
    const through = await load(`http://127.0.0.1:3900${path}`, token, seconds);
    const directOne = await load(`http://127.0.0.1:3902${path}`, token, seconds, 1);
    const throughOne = await load(`http://127.0.0.1:3900${path}`, token, seconds, 1);
    const row = (r) => ({
      reqPerSec: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    });
    return {
      direct: row(direct),
      throughGateway: row(through),
      directOneAtATime: row(directOne),
      throughGatewayOneAtATime: row(throughOne),
      summary: {
        throughputKept: `${((100 * through.requests.average) / direct.requests.average).toFixed(1)}%`,
        addedMedianMsOneAtATime: throughOne.latency.p50 - directOne.latency.p50,
        addedMeanMsOneAtATime: Number(
          (throughOne.latency.mean - directOne.latency.mean).toFixed(2),
        ),
      },
    };
  } finally {
    intake.kill('SIGTERM');
    gateway.kill('SIGTERM');
    jwks.close();
  }
}
