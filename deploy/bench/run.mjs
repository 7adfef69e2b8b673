// `npm run bench`: performance goals measured on this machine; figures printed, never asserted.
// BENCH_SECONDS shortens the sustained runs (default 30); BENCH_PARTICIPANTS the matching set (default 1,000,000).
// `npm run bench -- events matching gateway quick-services case-notes-print housing-queue
// vacancy-race documents rent-assistance reporting reporting-import` runs a subset; BENCH_PAYMENTS sizes the payments batch; BENCH_ROWS sizes quick-services, BENCH_PRINTS how many PDFs
// case-notes-print makes (at most 100), BENCH_QUEUE_ENTRIES the housing queue, BENCH_UPLOADS how
// many 1 MB uploads documents makes (default 100).
import { benchCaseNotesPrint } from './case-notes-print.mjs';
import { benchCoordinatedEntry } from './coordinated-entry.mjs';
import { benchDocuments } from './documents.mjs';
import { benchEvents } from './events.mjs';
import { benchGateway } from './gateway.mjs';
import { benchMatching } from './matching.mjs';
import { benchQuickServices } from './quick-services.mjs';
import { benchRentAssistance } from './rent-assistance.mjs';
import { benchReporting } from './reporting.mjs';
import { benchReportingImport } from './reporting-import.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('events')) {
  console.log(
    `\nEvents: commit → consumer effect, 500 events/s for ${seconds} s (goal: p95 ≤ 50 ms)`,
  );
  console.table(await benchEvents({ rate: 500, seconds }));
}
if (want('matching')) {
  const count = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
  console.log(
    `\nDuplicate matching over ${count} participants (goals: p95 ≤ 50 ms, recall ≥ 95% in the top 5)`,
  );
  const result = await benchMatching({ count });
  console.table(result.perKind);
  console.table(result.summary);
}
if (want('gateway')) {
  console.log(
    `\nGateway overhead: the same read direct vs through the gateway, ${seconds} s each (goals: ≥ 70% throughput, ≤ 2 ms added at p50)`,
  );
  const result = await benchGateway({ seconds: Math.min(seconds, 15) });
  const { summary, ...rows } = result;
  console.table(rows);
  console.table(summary);
}
if (want('quick-services')) {
  const rows = Number(process.env.BENCH_ROWS ?? 1000);
  console.log(
    `\nQuick services: 10 requests of ${rows} rows through the gateway (goal: p50 ≤ 1 s for 1,000 rows)`,
  );
  console.table(await benchQuickServices({ requests: 10, rows }));
}
if (want('case-notes-print')) {
  const prints = Number(process.env.BENCH_PRINTS ?? 10);
  console.log(`\nCase-notes print: 50 notes in six scripts as one PDF through the gateway`);
  console.table(await benchCaseNotesPrint({ prints }));
}
if (want('housing-queue') || want('vacancy-race')) {
  const entries = Number(process.env.BENCH_QUEUE_ENTRIES ?? 10_000);
  console.log(
    `\nCoordinated entry: one page of the housing queue over ${entries} entries (goal: p95 ≤ 50 ms); 20 concurrent matches of one vacancy (exactly one wins)`,
  );
  console.table(await benchCoordinatedEntry({ entries }));
}
if (want('documents')) {
  const uploads = Number(process.env.BENCH_UPLOADS ?? 100);
  console.log(
    `\nDocuments: ${uploads} uploads of 1 MB and a zip of up to 50 through the gateway; the service's memory while 25 MB streams up and down (should stay flat)`,
  );
  console.table(await benchDocuments({ uploads }));
}
if (want('rent-assistance')) {
  const rows = Number(process.env.BENCH_PAYMENTS ?? 5000);
  console.log(
    `\nRent assistance: a batch of ${rows} payments through the gateway (goal ≤ 5 s), replayed (nothing new), 50 parallel payments against one cap (it holds)`,
  );
  console.table(await benchRentAssistance({ rows }));
}
if (want('reporting')) {
  const clients = Number(process.env.BENCH_CLIENTS ?? 100_000);
  console.log(
    `\nReporting: the HMIS CSV export of ${clients} clients, ${clients * 3} enrollments, ${clients * 10} services through the gateway (goal ≤ 60 s; peak RSS)`,
  );
  console.table(
    await benchReporting({ clients, enrollments: clients * 3, services: clients * 10 }),
  );
}
if (want('reporting-import')) {
  console.log(
    "\nReporting: HUD's FY2026 sample export imported through the gateway (rows per second, time to done; BENCH_HMIS_ZIP another zip)",
  );
  const { summary, files } = await benchReportingImport();
  console.table({ import: summary });
  console.table(files);
}
process.exit(0);
