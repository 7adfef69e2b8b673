// Documents: `uploads` uploads of 1 MB through the gateway (MB/s and p95), one zip of up to 50 of
// them (time, bytes), and the documents process's memory while one 25 MB file streams up and down
// (VmRSS before, peak and after from /proc/<pid>/status, and VmHWM): streaming keeps it flat.
// The participant's sharing facts are seeded in SQL; the metadata and content go to a fresh
// MongoDB database of the bench's own.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { percentiles, servers } from './common.mjs';
import { startServicesStack } from './services-stack.mjs';

const require = createRequire(import.meta.url);
const { mintToken, testActor } = require('@hearth/testkit');
const { MongoClient } = require('mongodb');

const MB = 1024 * 1024;
const ZIP_FILES = 50;
/** Under the service's 25 MB limit by the multipart's own few bytes. */
const LARGE = 25 * MB - 1024;

/** A PDF's first bytes and then filler: what the sniffer passes as application/pdf. */
const pdfOf = (size) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n');
  return bytes;
};

/** The process's resident memory now and its high-water mark, in MB. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function freshMongo(name) {
  const url = new URL((await servers()).mongoUrl);
  url.pathname = `/${name}`;
  const client = await MongoClient.connect(url.toString());
  await client.db().dropDatabase();
  await client.close();
  return url.toString();
}

export async function benchDocuments({ uploads = 100 } = {}) {
  const mongoUrl = await freshMongo('bench_documents');
  const stack = await startServicesStack(
    'bench_documents',
    { services: 3941, gateway: 3940, jwks: 3949 },
    { dir: 'services/documents', upstream: 'DOCUMENTS_URL', env: { MONGO_URL: mongoUrl } },
  );
  try {
    const orgId = randomUUID();
    const participantId = randomUUID();
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
       VALUES ($1, $2, 'restrict_to_org', '[]', 1)`,
      [participantId, orgId],
    );
    await db.end();
    const authorization = `Bearer ${mintToken(testActor({ orgId }))}`;
    // yesterday in UTC: not in the future on any calendar
    const documentDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const upload = async (bytes) => {
      const form = new FormData();
      form.append('category', 'income');
      form.append('documentType', 'pay-stub');
      form.append('documentDate', documentDate);
      form.append('confidentiality', 'confidential');
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'pay-stub.pdf');
      const t = performance.now();
      const res = await fetch(
        `${stack.gatewayUrl}/api/v1/documents?participantId=${participantId}`,
        {
          method: 'POST',
          headers: { authorization },
          body: form,
        },
      );
      const answer = await res.json();
      if (res.status !== 201)
        throw new Error(`an upload answered ${res.status}: ${JSON.stringify(answer)}`);
      return { ms: performance.now() - t, id: answer.id };
    };
    const download = async (path) => {
      const t = performance.now();
      const res = await fetch(`${stack.gatewayUrl}/api/v1${path}`, { headers: { authorization } });
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length; // read as it comes, never held
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      return { ms: performance.now() - t, bytes };
    };

    const oneMb = pdfOf(MB);
    await upload(oneMb); // warm up
    const started = performance.now();
    const runs = [];
    for (let i = 0; i < uploads; i++) runs.push(await upload(oneMb));
    const seconds = (performance.now() - started) / 1000;
    const ids = runs.map((r) => r.id).slice(0, ZIP_FILES);
    const zip = await download(`/documents/archive?ids=${ids.join(',')}`);

    const large = pdfOf(LARGE);
    const before = memoryOf(stack.pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(stack.pid).rss)), 10);
    const { id } = await upload(large);
    const down = await download(`/documents/${id}/content`);
    clearInterval(sampler);
    const after = memoryOf(stack.pid);
    const round = (n) => Number(n.toFixed(1));
    return {
      uploads: {
        count: uploads,
        MBperSecond: round(uploads / seconds),
        ...percentiles(runs.map((r) => r.ms)),
      },
      zip: { files: ids.length, ms: round(zip.ms), bytes: zip.bytes },
      [`${round(LARGE / MB)} MB up and down`]: {
        rssBeforeMB: round(before.rss),
        rssPeakMB: round(peak),
        rssAfterMB: round(after.rss),
        hwmMB: round(after.hwm),
        downloadBytes: down.bytes,
      },
    };
  } finally {
    stack.stop();
  }
}
