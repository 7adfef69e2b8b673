// Reporting: HUD's FY2026 sample export imported through the gateway (multipart upload, then the
// queued job): the upload's answer, the wait in the queue, the job's run, the time to `done`, and
// rows per second over the rows the job read (Organization, Project, Client, Enrollment, Exit,
// Services). A started reporting process on a fresh database of its own; no intake runs, so the
// clients' announcements stay unanswered.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServicesStack } from './services-stack.mjs';

const require = createRequire(import.meta.url);
const { mintToken } = require('@hearth/testkit');

const SAMPLE_ZIP = '/work/shared/hud/sample-hmis-data-fy2026.zip';
const REPORTING = {
  dir: 'services/reporting',
  upstream: 'REPORTING_URL',
  // the job polls its queue this often: a short poll so the figure is the import, not the wait
  env: { HMIS_IMPORT_POLL_MS: '200' },
  gatewayEnv: { UPSTREAM_TIMEOUT_MS: '300000' },
};

const seconds = (from, to) => Math.round((new Date(to) - new Date(from)) / 10) / 100;

export async function benchReportingImport({
  zipPath = process.env.BENCH_HMIS_ZIP ?? SAMPLE_ZIP,
} = {}) {
  const stack = await startServicesStack(
    'bench_reporting_import',
    { services: 3991, gateway: 3990, jwks: 3999 },
    REPORTING,
  );
  try {
    const zip = readFileSync(zipPath);
    const token = mintToken({
      userId: randomUUID(),
      orgId: randomUUID(),
      roles: ['caseworker'],
      name: 'Bench',
    });
    const headers = { authorization: `Bearer ${token}` };
    const form = new FormData();
    form.append('file', new Blob([zip], { type: 'application/zip' }), 'export.zip');
    const started = Date.now();
    const queued = await fetch(`${stack.gatewayUrl}/api/v1/imports`, {
      method: 'POST',
      headers,
      body: form,
    });
    const uploaded = (Date.now() - started) / 1000;
    if (queued.status !== 202)
      throw new Error(`POST /imports answered ${queued.status}: ${await queued.text()}`);
    const { id } = await queued.json();
    let job;
    for (;;) {
      job = await (await fetch(`${stack.gatewayUrl}/api/v1/imports/${id}`, { headers })).json();
      if (job.status === 'done' || job.status === 'refused') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const toDone = (Date.now() - started) / 1000;
    const files = Object.values(job.files);
    const sum = (k) => files.reduce((n, f) => n + f[k], 0);
    const run = seconds(job.startedAt, job.finishedAt);
    return {
      summary: {
        status: job.status,
        'zip (MB)': Math.round(zip.length / 1e5) / 10,
        'upload → 202 (s)': uploaded,
        'queued (s)': seconds(job.createdAt, job.startedAt),
        'job run (s)': run,
        'POST → done (s)': toDone,
        'rows read': sum('read'),
        accepted: sum('accepted'),
        refused: sum('refused'),
        'rows/s (run)': Math.round(sum('read') / run),
        'rows/s (POST → done)': Math.round(sum('read') / toDone),
      },
      files: job.files,
    };
  } finally {
    stack.stop();
  }
}
