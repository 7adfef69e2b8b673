// `npm run bench`: performance goals measured on this machine; figures printed, never asserted.
// BENCH_SECONDS shortens the sustained runs (default 30).
import { benchEvents } from './events.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('events')) {
  console.log(`\nEvents: commit → consumer effect, 500 events/s for ${seconds} s (goal: p95 ≤ 50 ms)`);
  console.table(await benchEvents({ rate: 500, seconds }));
}
process.exit(0);
