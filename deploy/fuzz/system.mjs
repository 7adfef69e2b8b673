// The system under fuzzing: a gateway already answering at the base URL is used as it is;
// otherwise `node deploy/start.mjs` is started here (under the machine's one system lock, since
// the ports are fixed) and stopped again, with every process it started, when the run ends.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const LOCK = process.env.HEARTH_SYSTEM_LOCK ?? '/tmp/hearth-system.lock';
const READY_TIMEOUT_MS = 10 * 60_000; // a fresh clone builds everything first

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

const hasFlock = () => spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Uses the gateway at `baseUrl` when its /readyz answers; else starts the whole system with
 * `env` added (the fuzzer's rate limits) and resolves once the gateway is ready.
 * Returns `stop()`, which does nothing for a system it did not start.
 */
export async function ensureSystem(baseUrl, env) {
  if (await answers(`${baseUrl}/readyz`)) {
    console.log(`▸ Using the system already answering at ${baseUrl}`);
    return { started: false, stop: async () => {} };
  }
  const command = [process.execPath, join(root, 'deploy/start.mjs')];
  if (hasFlock()) command.unshift('flock', LOCK);
  console.log(`▸ Starting the system: ${command.join(' ')}`);
  // Its own process group, so stop() reaches every service it spawned.
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const output = [];
  const keep = (chunk) => output.push(String(chunk));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  // SIGTERM first (start.mjs and each service shut down gracefully), SIGKILL for what is left.
  const stop = async () => {
    signalGroup(child.pid, 'SIGTERM');
    const killed = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 20_000);
    await exited;
    clearTimeout(killed);
    signalGroup(child.pid, 'SIGKILL');
  };

  // Ready when our own start.mjs says so (not a gateway another holder of the lock runs).
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    if (output.join('').includes('Hearth is running') && (await answers(`${baseUrl}/readyz`)))
      return { started: true, stop };
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error(`the system did not become ready:\n${output.join('').slice(-4000)}`);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* the group is gone */
  }
}
