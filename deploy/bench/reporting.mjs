// Reporting: HUD's HMIS CSV FY2026 export of one organization with 100,000 clients, 300,000
// enrollments and 1,000,000 services (goal ≤ 60 s), through the gateway, with the service's peak
// resident memory (VmHWM): the export streams, so it should not grow with the data. A started
// reporting process on a fresh database of its own, its read model seeded in SQL.
import { randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { startServicesStack } from './services-stack.mjs';

const require = createRequire(import.meta.url);
const { mintToken } = require('@hearth/testkit');
const yauzl = createRequire(new URL('../../services/reporting/package.json', import.meta.url))(
  'yauzl',
);

const REPORTING = {
  dir: 'services/reporting',
  upstream: 'REPORTING_URL',
  env: {},
  gatewayEnv: { UPSTREAM_TIMEOUT_MS: '300000' },
};

const memoryMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
};

/** Data rows (lines less the header) of some files of a zip: the export held what was seeded. */
function rowsIn(file, names) {
  return new Promise((resolve, reject) => {
    const counts = {};
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('end', () => resolve(counts));
      zip.on('error', reject);
      zip.on('entry', (entry) => {
        const name = entry.fileName.replace(/\.csv$/, '');
        if (!names.includes(name)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          let lines = 0;
          stream.on('data', (chunk) => {
            for (const byte of chunk) if (byte === 10) lines++;
          });
          stream.on('end', () => ((counts[name] = lines - 1), zip.readEntry()));
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

async function seed(url, { orgId, clients, enrollments, services }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(
    `CREATE TEMP TABLE people AS
       SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1) n`,
    [clients],
  );
  await db.query(
    `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
     SELECT id, $1, 'restrict_to_org', '[]', 1 FROM people`,
    [orgId],
  );
  await db.query(
    `INSERT INTO hmis_clients (personal_id, owner_org_id, first_name, middle_name, last_name, dob,
       sex, last_event_at, date_created, user_id)
     SELECT id, $1, 'First' || n, NULL, 'Last' || n, DATE '1950-01-01' + (n % 20000), 'female',
       now(), now(), NULL FROM people`,
    [orgId],
  );
  await db.query(
    `CREATE TEMP TABLE stays AS
       SELECT e, gen_random_uuid() AS id, p.id AS person
       FROM generate_series(1, $1) e JOIN people p ON p.n = 1 + (e % $2)`,
    [enrollments, clients],
  );
  await db.query(
    `INSERT INTO hmis_enrollments (enrollment_id, program_id, program_kind, org_id, provider_org_id,
       head_participant_id, member_ids, entry_date, exit_date, status, last_event_at, date_created)
     SELECT id, $2, NULL, $1, $1, person, ARRAY[person], DATE '2026-01-01' + (e % 150), NULL,
       'participation', now(), now() FROM stays`,
    [orgId, randomUUID()],
  );
  await db.query(
    `INSERT INTO hmis_services (service_id, participant_id, enrollment_id, service_type_id,
       date_provided, version, date_created, date_updated)
     SELECT gen_random_uuid(), s.person, s.id, 'bed_night', DATE '2026-05-01' + (k % 30), 1, now(), now()
     FROM generate_series(1, $1) k JOIN stays s ON s.e = 1 + (k % $2)`,
    [services, enrollments],
  );
  await db.query('ANALYZE');
  await db.end();
}

export async function benchReporting({
  clients = 100_000,
  enrollments = 300_000,
  services = 1_000_000,
} = {}) {
  const stack = await startServicesStack(
    'bench_reporting',
    { services: 3971, gateway: 3970, jwks: 3979 },
    REPORTING,
  );
  try {
    const orgId = randomUUID();
    const seeding = Date.now();
    await seed(stack.databaseUrl, { orgId, clients, enrollments, services });
    const seeded = (Date.now() - seeding) / 1000;
    const before = memoryMb(stack.pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryMb(stack.pid).rss)), 200);
    const started = Date.now();
    const res = await fetch(`${stack.gatewayUrl}/api/v1/exports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${mintToken({ userId: randomUUID(), orgId, roles: ['caseworker'], name: 'Bench' })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ startDate: '2026-01-01', endDate: '2026-12-31' }),
    });
    const zipFile = join(tmpdir(), `bench-reporting-${process.pid}.zip`);
    const out = createWriteStream(zipFile);
    let bytes = 0;
    for await (const chunk of res.body) {
      bytes += chunk.length;
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const after = memoryMb(stack.pid);
    const rows = await rowsIn(zipFile, ['Client', 'Enrollment', 'Services']);
    rmSync(zipFile, { force: true });
    return {
      export: {
        status: res.status,
        clients,
        enrollments,
        services,
        'seeded (s)': seeded,
        'export (s)': seconds,
        'zip (MB)': Math.round(bytes / 1e6),
        'Client rows': rows.Client,
        'Enrollment rows': rows.Enrollment,
        'Services rows': rows.Services,
        'RSS before (MB)': before.rss,
        'RSS peak (MB)': peak,
        'VmHWM (MB)': after.hwm,
      },
    };
  } finally {
    stack.stop();
  }
}
