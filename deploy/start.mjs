// `npm start`: the whole system on one machine. Local infrastructure up, build, databases and a
// signing key made when missing, every service and the gateway started and supervised (a crashed
// process is logged and restarted), then the gateway URL and the demo logins are printed.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { seedDemoPrograms } from './demo-programs.mjs';
import { startMailCatcher } from './mail-catcher.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const dataDir = join(root, '.data');
const logDir = join(dataDir, 'logs');
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 8080);

/**
 * Every process: the built services of the registry (libs/registry/src/services.json), each with its
 * port and its own database (ARCHITECTURE: each service owns its data), then the gateway.
 */
// HEARTH_DATABASE_PREFIX gives a run databases of its own beside the demo's (the fuzzer's, say), and
// HEARTH_FRESH_DATABASES=1 drops them first, so the run starts from nothing but the seed.
const DATABASE_PREFIX = process.env.HEARTH_DATABASE_PREFIX ?? '';
if (!/^[a-z0-9_]*$/.test(DATABASE_PREFIX))
  throw new Error('HEARTH_DATABASE_PREFIX may hold only a-z, 0-9 and _ (it names databases).');
const FRESH_DATABASES = process.env.HEARTH_FRESH_DATABASES === '1';
const registry = JSON.parse(readFileSync(join(root, 'libs/registry/src/services.json'), 'utf8'));
const SERVICES = [
  ...registry.services
    .filter((s) => !s.planned)
    .map((s) => ({
      name: s.name,
      dir: `services/${s.name}`,
      port: s.port,
      database: DATABASE_PREFIX + s.name.replace(/-/g, '_'),
    })),
  { name: 'gateway', dir: 'gateway', port: GATEWAY_PORT },
];

const step = (what) => console.log(`\n▸ ${what}`);

function infrastructure() {
  step('Local infrastructure (Postgres, RabbitMQ, FerretDB)');
  execFileSync('bash', [join(root, 'deploy/infra.sh'), 'up'], { stdio: 'inherit' });
  const env = execFileSync('bash', [join(root, 'deploy/infra.sh'), 'env'], { encoding: 'utf8' });
  return Object.fromEntries(
    [...env.matchAll(/^(?:export )?(\w+)=["']?([^"'\n]*)["']?$/gm)].map((m) => [m[1], m[2]]),
  );
}

async function createDatabases(adminUrl) {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  for (const { database } of SERVICES.filter((s) => s.database)) {
    if (FRESH_DATABASES) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  }
  await client.end();
}

function signingKey() {
  const file = join(dataDir, 'keys', 'identity-signing.pem');
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}

/** Intake's SSN encryption key (AES-256), made once and kept in .data/keys. */
function ssnKey() {
  const file = join(dataDir, 'keys', 'ssn.key');
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return `local-1:${readFileSync(file, 'utf8').trim()}`;
}

function environmentFor(service, infra, privateKey, mail) {
  const dbUrl = (name) => {
    const url = new URL(infra.DATABASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const base = {
    ...process.env,
    PORT: String(service.port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    AMQP_URL: infra.AMQP_URL,
    JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
  };
  if (service.database) base.DATABASE_URL = dbUrl(service.database);
  if (service.name === 'identity')
    // Behind the gateway, which always overwrites X-Client-Address with the login's address.
    Object.assign(base, {
      JWT_PRIVATE_KEY: privateKey,
      SEED_DEMO: 'true',
      TRUST_CLIENT_ADDRESS_HEADER: 'true',
    });
  if (service.name === 'documents') {
    const url = new URL(infra.MONGO_URL);
    url.pathname = `/${DATABASE_PREFIX}documents`;
    base.MONGO_URL = url.toString();
  }
  if (service.name === 'intake')
    Object.assign(base, { SSN_KEYS: ssnKey(), SSN_ACTIVE_KEY_ID: 'local-1' });
  // a configured mail server wins over the local catcher
  if (service.name === 'notifications') base.SMTP_URL = process.env.SMTP_URL ?? mail.url;
  if (service.name === 'gateway') {
    for (const s of SERVICES.filter((x) => x.database))
      base[`${s.name.toUpperCase().replace(/-/g, '_')}_URL`] = `http://127.0.0.1:${s.port}`;
  }
  return base;
}

const children = new Map();
let stopping = false;

function supervise(service, env, restarts = 0) {
  const log = createWriteStream(join(logDir, `${service.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [join(root, service.dir, 'dist/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  children.set(service.name, child);
  const startedAt = Date.now();
  child.on('exit', (code, signal) => {
    if (stopping) return;
    // A process that ran a while gets a fresh back-off; one that keeps crashing waits longer each time.
    const attempt = Date.now() - startedAt > 30_000 ? 0 : restarts + 1;
    const delay = Math.min(500 * 2 ** attempt, 15_000);
    console.error(
      `✗ ${service.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms — see .data/logs/${service.name}.log`,
    );
    setTimeout(() => supervise(service, env, attempt), delay);
  });
}

async function ready(service, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${service.port}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `${service.name} did not become ready in ${timeoutMs / 1000} s; see .data/logs/${service.name}.log`,
  );
}

function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping services (infrastructure keeps running; `npm run infra:down` stops it)…');
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 12_000).unref();
  Promise.all(
    [...children.values()].map(
      (c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))),
    ),
  ).then(() => process.exit(0));
}

async function main() {
  const infra = infrastructure();
  step('Build (tsc -b, incremental)');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  step('Databases and signing key');
  await createDatabases(infra.DATABASE_URL);
  const privateKey = signingKey();
  mkdirSync(logDir, { recursive: true });
  const mail = await startMailCatcher(join(dataDir, 'mail'));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const service of SERVICES) {
    step(`Starting ${service.name} on 127.0.0.1:${service.port}`);
    supervise(service, environmentFor(service, infra, privateKey, mail));
    await ready(service);
  }
  const { demoLogins } = require(join(root, 'services/identity/dist/seed.js'));
  step('Demo programs (through the gateway)');
  const supervisor = demoLogins.find((l) => l.email === 'supervisor@lakeshore.example');
  const created = await seedDemoPrograms(`http://127.0.0.1:${GATEWAY_PORT}`, supervisor);
  console.log(`  ${created} new, the others were already there`);
  console.log(
    `\n✔ Hearth is running. Gateway: http://127.0.0.1:${GATEWAY_PORT}  (API reference: http://127.0.0.1:${GATEWAY_PORT}/docs)`,
  );
  console.log('  Demo logins (demo data only, never for real clients):');
  for (const login of demoLogins)
    console.log(`    ${login.email.padEnd(36)} ${login.password}   ${login.description ?? ''}`);
  console.log(`  Logs: .data/logs/<service>.log   Stop: Ctrl-C`);
  console.log(
    process.env.SMTP_URL
      ? `  Mail: sent to SMTP_URL`
      : `  Mail: caught at ${mail.url}, each one written to .data/mail/<time>-<recipient>.eml`,
  );
}

main().catch((err) => {
  console.error(`\n✗ ${err.message}`);
  shutdown();
  process.exitCode = 1;
});
