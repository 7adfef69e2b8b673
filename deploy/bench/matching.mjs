// Duplicate matching over N generated participants, through intake's HTTP endpoint.
// Goals (issue #3): p95 ≤ 50 ms per query; recall of planted duplicates ≥ 95% within the top 5.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BENCH_ORG, generate, idAt, personAt } from '../generate-participants.mjs';
import { percentiles, servers } from './common.mjs';
import { KINDS, vary } from './variations.mjs';
import { rng, syntheticPerson } from './synthetic-people.mjs';

const require = createRequire(import.meta.url);
const { startService } = require('@hearth/runtime');
const { createLogger } = require('@hearth/logging');
const { mintToken, testKeys } = require('@hearth/testkit');
const { intake } = require('../../services/intake/dist/app.js');
const { intakeEnv } = require('../../services/intake/dist/config.js');

const DB = 'bench_matching';

async function database(adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount === 0)
    await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DB}`;
  return url.toString();
}

const intakeConfig = (url, amqpUrl) =>
  intakeEnv.parse({
    DATABASE_URL: url,
    AMQP_URL: amqpUrl,
    JWKS_URL: 'http://127.0.0.1:1/x',
    PORT: '0',
    SSN_KEYS: `b:${randomBytes(32).toString('base64')}`,
    SSN_ACTIVE_KEY_ID: 'b',
  });
const logger = createLogger({ service: 'bench', level: 'warn' });

/** The bench database with intake's schema (migrated by starting intake once) and at least `count` participants. */
export async function prepareMatchingDatabase(postgresUrl, amqpUrl, count) {
  const url = await database(postgresUrl);
  const service = await startService(intake, intakeConfig(url, amqpUrl), {
    keys: testKeys,
    logger,
    exchange: 'bench.matching',
  });
  await service.close();
  console.log(`Loading ${count} synthetic participants into ${DB} (kept between runs)…`);
  await generate(url, count, BENCH_ORG, (line) => console.log(line));
  return url;
}

export async function benchMatching({ count = 1_000_000, perKind = 150 } = {}) {
  const { postgresUrl, amqpUrl } = await servers();
  const url = await prepareMatchingDatabase(postgresUrl, amqpUrl, count);
  const service = await startService(intake, intakeConfig(url, amqpUrl), {
    keys: testKeys,
    logger,
    exchange: 'bench.matching',
  });
  const token = mintToken({
    userId: BENCH_ORG,
    orgId: BENCH_ORG,
    roles: ['caseworker'],
    name: 'Bench',
  });
  const match = async (body) => {
    const t = performance.now();
    const res = await fetch(`${service.url}/api/v1/participants/matches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    return {
      ms: performance.now() - t,
      items: json.items ?? [],
      threshold: json.likelyDuplicateScore,
    };
  };

  const random = rng(4242);
  const latencies = [];
  const byKind = {};
  let likelyTop = 0;
  let likelyTopCorrect = 0;
  for (const kind of KINDS) {
    byKind[kind] = { queries: 0, foundTop5: 0, foundTop1: 0 };
    for (let n = 0, tries = 0; n < perKind && tries < perKind * 20; tries++) {
      const i = Math.floor(random() * count);
      const query = vary(personAt(i), kind, random);
      if (!query) continue;
      n++;
      const { ms, items, threshold } = await match(query);
      latencies.push(ms);
      const rank = items.findIndex((c) => c.participant.id === idAt(i));
      byKind[kind].queries++;
      if (rank >= 0 && rank < 5) byKind[kind].foundTop5++;
      if (rank === 0) byKind[kind].foundTop1++;
      if (items[0]?.score >= threshold) {
        likelyTop++;
        if (rank === 0) likelyTopCorrect++;
      }
    }
  }
  // People who are not in the data set: any "likely duplicate" for them is a false alarm.
  let falseAlarms = 0;
  const strangers = 300;
  for (let n = 0; n < strangers; n++) {
    const { ms, items, threshold } = await match(syntheticPerson(rng(900_000_000 + n)));
    latencies.push(ms);
    if (items[0]?.score >= threshold) falseAlarms++;
  }
  await service.close();

  const rows = Object.entries(byKind).map(([kind, r]) => ({
    kind,
    queries: r.queries,
    recallTop5: pct(r.foundTop5, r.queries),
    recallTop1: pct(r.foundTop1, r.queries),
  }));
  const all = Object.values(byKind).reduce(
    (a, r) => ({ q: a.q + r.queries, f: a.f + r.foundTop5 }),
    { q: 0, f: 0 },
  );
  return {
    perKind: rows,
    summary: {
      participants: count,
      queries: latencies.length,
      recallTop5: pct(all.f, all.q),
      precisionOfLikelyTop: pct(likelyTopCorrect, likelyTop),
      falseAlarmRateNewPeople: pct(falseAlarms, strangers),
      ...percentiles(latencies),
    },
  };
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
