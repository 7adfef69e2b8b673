import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface ServerUrls {
  postgresUrl: string;
  amqpUrl: string;
  mongoUrl: string;
}

/** Where `bash deploy/infra.sh up` puts the local servers (loopback, non-default ports). */
export const LOCAL_SERVERS: ServerUrls = {
  postgresUrl: 'postgres://postgres@127.0.0.1:55432/postgres',
  amqpUrl: 'amqp://guest:guest@127.0.0.1:55672',
  mongoUrl: 'mongodb://127.0.0.1:57017/',
};

/**
 * Real servers for integration tests, in order of preference: the ones named by DATABASE_URL /
 * AMQP_URL / MONGO_URL, containers when a Docker engine answers, else the local servers of deploy/
 * (started when they do not answer).
 */
export async function resolveServers(
  env: NodeJS.ProcessEnv = process.env,
  local: { urls: ServerUrls; start: () => void } = {
    urls: LOCAL_SERVERS,
    start: startLocalServers,
  },
): Promise<ServerUrls & { stop?: () => Promise<void> }> {
  if (env.DATABASE_URL && env.AMQP_URL && env.MONGO_URL) {
    return { postgresUrl: env.DATABASE_URL, amqpUrl: env.AMQP_URL, mongoUrl: env.MONGO_URL };
  }
  if (await dockerEngineAnswers(env)) return startContainers();
  if (!(await allReachable(local.urls))) local.start();
  const missing = await unreachable(local.urls);
  if (missing.length) {
    throw new Error(
      `Integration tests need real servers, and these still do not answer after \`deploy/infra.sh up\`: ${missing.join(', ')}.\n` +
        'See the messages above, or set DATABASE_URL, AMQP_URL and MONGO_URL to servers of your own.',
    );
  }
  return local.urls;
}

async function unreachable(servers: ServerUrls): Promise<string[]> {
  const missing = [];
  for (const [name, url] of Object.entries(servers))
    if (!(await reachable(url))) missing.push(`${name} (${url})`);
  return missing;
}

const allReachable = async (servers: ServerUrls) => (await unreachable(servers)).length === 0;

/**
 * No servers named, no Docker engine, and the local ones do not answer: start them, as `npm start`
 * does (infra.sh installs what is missing, starts what is stopped and reuses what runs), so
 * `npm test` alone passes on a fresh clone. Its output goes to the terminal: the first run installs.
 */
function startLocalServers(): void {
  const root = join(__dirname, '..', '..', '..');
  console.log('\nNo test servers answer: starting the local ones (bash deploy/infra.sh up)…');
  execFileSync('bash', [join(root, 'deploy', 'infra.sh'), 'up'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function dockerEngineAnswers(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<ServerUrls & { stop: () => Promise<void> }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const [pg, rabbit, mongo] = await Promise.all([
    new GenericContainer('postgres:16')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
      .start(),
    new GenericContainer('rabbitmq:3.13')
      .withExposedPorts(5672)
      .withWaitStrategy(Wait.forLogMessage(/Server startup complete/))
      .start(),
    new GenericContainer('mongo:7').withExposedPorts(27017).start(),
  ]);
  return {
    postgresUrl: `postgres://postgres@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`,
    amqpUrl: `amqp://guest:guest@${rabbit.getHost()}:${rabbit.getMappedPort(5672)}`,
    mongoUrl: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}/`,
    stop: async () => {
      await Promise.all([pg.stop(), rabbit.stop(), mongo.stop()]);
    },
  };
}

export function reachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
