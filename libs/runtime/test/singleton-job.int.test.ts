import { Writable } from 'node:stream';
import { createPool, type Pool } from '@hearth/db';
import { createLogger, type Logger } from '@hearth/logging';
import { scheduleSingletonJob, type ScheduledJob } from '@hearth/runtime';
import { createTestDatabase, waitFor } from '@hearth/testkit';

/**
 * The scheduled singleton job against a real Postgres: each "instance" is its own pool on one
 * database, as replicas of a service would be.
 */
const silent = createLogger({ service: 'runtime-test', level: 'silent' });
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pools: Pool[];
const stops: Array<() => Promise<void>> = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  db = await createTestDatabase('jobs');
  pools = [createPool(db.url, silent), createPool(db.url, silent)];
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  await Promise.all(pools.map((p) => p.end()));
  await db.drop();
});

type Deps = { pool: Pool; logger: Logger };
const instance = (pool: Pool, logger: Logger = silent): Deps => ({ pool, logger });
function schedule(service: string, job: ScheduledJob<Deps>, deps: Deps) {
  const stop = scheduleSingletonJob(service, job, deps);
  stops.push(stop);
  return stop;
}

/** Counts runs in progress and the most seen at once. */
function overlapCounter() {
  const counter = { active: 0, most: 0, runs: 0 };
  const enter = () => {
    counter.active += 1;
    counter.runs += 1;
    counter.most = Math.max(counter.most, counter.active);
  };
  return { counter, enter, leave: () => (counter.active -= 1) };
}

/** A logger whose lines the test reads. */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'runtime-test', level: 'info', destination }) };
}

describe('scheduled singleton job', () => {
  it('when two instances schedule the same job, their runs never overlap', async () => {
    const { counter, enter, leave } = overlapCounter();
    const job: ScheduledJob<Deps> = {
      name: 'reviews-due',
      everyMs: 5,
      run: async () => {
        enter();
        await sleep(30);
        leave();
      },
    };
    const stopOne = schedule('fssp', job, instance(pools[0]));
    const stopTwo = schedule('fssp', job, instance(pools[1]));
    await waitFor(async () => counter.runs >= 6, 10_000, 'several runs');
    await Promise.all([stopOne(), stopTwo()]);
    expect(counter.most).toBe(1);
  });

  it('when two differently named jobs are due, they run at the same time', async () => {
    const { counter, enter, leave } = overlapCounter();
    const bothRunning = async () => {
      enter();
      await waitFor(async () => counter.most === 2, 5_000, 'the other job to run meanwhile');
      leave();
    };
    schedule('fssp', { name: 'reviews-due', everyMs: 10, run: bothRunning }, instance(pools[0]));
    schedule('fssp', { name: 'follow-ups-due', everyMs: 10, run: bothRunning }, instance(pools[1]));
    await waitFor(async () => counter.most === 2, 5_000, 'both jobs to run at once');
  });

  it('when a run fails, it is logged and the next run still happens', async () => {
    const { lines, logger } = recordingLogger();
    let runs = 0;
    schedule(
      'notifications',
      {
        name: 'mail-retries',
        everyMs: 10,
        run: async () => {
          runs += 1;
          if (runs === 1) throw new Error('smtp unreachable');
        },
      },
      instance(pools[0], logger),
    );
    await waitFor(async () => runs >= 2, 5_000, 'a second run after the failure');
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        job: 'mail-retries',
        err: 'smtp unreachable',
        msg: 'scheduled job failed',
      }),
    );
  });

  it('when a run fails, the lock is released and another instance takes the next run', async () => {
    let failed = 0;
    let tookOver = 0;
    const job = (run: () => Promise<void>) => ({ name: 'mail-retries', everyMs: 10, run });
    const stopOne = schedule(
      'notifications',
      job(async () => {
        failed += 1;
        throw new Error('smtp unreachable');
      }),
      instance(pools[0]),
    );
    await waitFor(async () => failed >= 1, 5_000, 'the first instance to fail a run');
    await stopOne();
    schedule(
      'notifications',
      job(async () => void (tookOver += 1)),
      instance(pools[1]),
    );
    await waitFor(async () => tookOver >= 1, 5_000, 'the second instance to take the job');
  });

  it('when stopped during a run, stop waits for that run to finish and no other starts', async () => {
    let started = 0;
    let finished = 0;
    const stop = schedule(
      'enrollment',
      {
        name: 'auto-exit',
        everyMs: 10,
        run: async () => {
          started += 1;
          await sleep(200);
          finished += 1;
        },
      },
      instance(pools[0]),
    );
    await waitFor(async () => started === 1, 5_000, 'the first run to start');
    await stop();
    expect(finished).toBe(1);
    await sleep(50);
    expect(started).toBe(1);
  });

  it('when the migrator holds its lock, a job still runs', async () => {
    const migrator = await pools[1].connect();
    try {
      await migrator.query('SELECT pg_advisory_lock(724311)');
      let runs = 0;
      schedule(
        'enrollment',
        { name: 'auto-exit', everyMs: 10, run: async () => void (runs += 1) },
        instance(pools[0]),
      );
      await waitFor(async () => runs >= 1, 5_000, 'the job to run beside the migrator');
    } finally {
      await migrator.query('SELECT pg_advisory_unlock(724311)');
      migrator.release();
    }
  });
});
