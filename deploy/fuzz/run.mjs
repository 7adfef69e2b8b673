// `npm run fuzz`: schemathesis against the gateway's merged OpenAPI document, as demo users of two
// organizations and several roles, for a bounded time. Prints every finding with a request that
// reproduces it, then one summary line; exits 1 on any finding (or when the run could not happen).
//
//   FUZZ_SECONDS       time budget of the whole run (default 300): 90% shared by the users, the
//                      rest for the login operation
//   FUZZ_MAX_EXAMPLES  test cases per operation and phase (default 100)
//   FUZZ_WORKERS       concurrent schemathesis workers (default 1: more run as threads, which on
//                      Python < 3.11.8 can stop a run with "AST constructor recursion depth
//                      mismatch", CPython gh-106905; and the machine's CPU is shared)
//   FUZZ_BASE_URL      the gateway (default http://127.0.0.1:8080); must be this machine
//   FUZZ_SEED          replays a run (schemathesis --seed)
import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { readRun } from './findings.mjs';
import { ensureSystem } from './system.mjs';

const root = join(import.meta.dirname, '../..');
const venv = join(root, '.tools/fuzz-venv');
const work = join(root, '.tools/fuzz');
const st = join(venv, 'bin/st');

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];
/** Three organizations, five roles (demo data of services/identity/src/seed.ts). */
const USERS = [
  'caseworker@lakeshore.example',
  'supervisor@lakeshore.example',
  'ce_manager@metro-ce.example', // coordinated entry: assessments, the queue, matching
  'data_entry@lakeshore.example', // names other staff on a record
  'hub_staff@northside-hub.example',
];
const DEMO_PASSWORD = 'demo-password-1';
const LOGIN_PATH = '/api/v1/auth/login';

/**
 * Each user's run leaves login out: schemathesis learns the user's email from the answers and
 * sends it with wrong passwords, which locks that demo user out for 15 minutes (for every later
 * run and every developer on this machine). Login is fuzzed last, without a token, where no
 * real email is ever seen.
 */
function runs(seconds) {
  const perUser = Math.max(1, Math.floor((seconds * 0.9) / USERS.length));
  const asUsers = USERS.map((email) => ({
    email,
    seconds: perUser,
    only: ['--exclude-path', LOGIN_PATH],
  }));
  const loginSeconds = Math.max(1, seconds - perUser * USERS.length);
  return [
    ...asUsers,
    { email: undefined, seconds: loginSeconds, only: ['--include-path', LOGIN_PATH] },
  ];
}

const seconds = positiveInt('FUZZ_SECONDS', 300);
const maxExamples = positiveInt('FUZZ_MAX_EXAMPLES', 100);
const workers = positiveInt('FUZZ_WORKERS', 1);
const baseUrl = (process.env.FUZZ_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d*$/.test(raw)) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return Number(raw);
}

/** The fuzzer sends hostile requests and writes junk data: only ever at this machine. */
function checkTarget() {
  const host = new URL(baseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`FUZZ_BASE_URL must be on this machine (127.0.0.1), not ${host}`);
}

/** The pinned schemathesis in a git-ignored venv, (re)installed when missing or another version. */
function installSchemathesis() {
  const pin = readFileSync(join(import.meta.dirname, 'requirements.txt'), 'utf8');
  const wanted = /^schemathesis==(\S+)/m.exec(pin)[1];
  const installed = existsSync(st)
    ? execFileSync(st, ['--version'], { encoding: 'utf8' }).trim().split(' ').at(-1)
    : undefined;
  if (installed === wanted) return wanted;
  console.log(`▸ Installing schemathesis ${wanted} into .tools/fuzz-venv`);
  if (!existsSync(join(venv, 'bin/python'))) execFileSync('python3', ['-m', 'venv', venv]);
  execFileSync(
    join(venv, 'bin/pip'),
    [
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '-r',
      join(import.meta.dirname, 'requirements.txt'),
    ],
    { stdio: 'inherit' },
  );
  return wanted;
}

async function login(email) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${email} answered ${res.status}: ${await res.text()}`);
  return (await res.json()).accessToken;
}

/** The merged document, refused when an upstream is missing (its routes would go unfuzzed). */
async function fetchSchema() {
  const doc = await (await fetch(`${baseUrl}/openapi.json`)).json();
  if (doc['x-missing-upstreams']?.length)
    throw new Error(`the gateway could not merge: ${doc['x-missing-upstreams'].join(', ')}`);
  const file = join(work, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return { file, operations: Object.values(doc.paths).flatMap(Object.keys).length };
}

/** One schemathesis run, as one user or anonymous; its exit code and its report directory. */
async function fuzzAs({ email, seconds: budget, only }, schemaFile, index) {
  const reportDir = join(work, `report-${index}`);
  rmSync(reportDir, { recursive: true, force: true });
  // Fresh per user: tokens live 15 minutes.
  const auth = email ? ['--header', `Authorization: Bearer ${await login(email)}`] : [];
  const args = [
    'run',
    schemaFile,
    '--url',
    baseUrl,
    ...auth,
    ...only,
    '--checks',
    CHECKS.join(','),
    '--max-time',
    String(budget),
    '--max-examples',
    String(maxExamples),
    '--workers',
    String(workers),
    '--request-timeout',
    '10',
    '--generation-database',
    'none',
    '--report',
    'ndjson,json,junit',
    '--report-dir',
    reportDir,
    '--no-color',
    // A body with many nested constraints (an assessment definition: questions, options, points)
    // makes hypothesis discard most of what it draws; that is the generator's efficiency, not a
    // fault of the API, and must not fail the run (what is generated is still checked).
    '--suppress-health-check',
    'filter_too_much',
    ...(process.env.FUZZ_SEED ? ['--seed', process.env.FUZZ_SEED] : []),
  ];
  console.log(`▸ schemathesis as ${email ?? 'anonymous, login only'} for ${budget} s`);
  // Its own output (long: every phase and warning) goes to a log beside the reports, so CI's log
  // keeps to the findings and the summary; the log's tail is printed when the run goes wrong.
  mkdirSync(reportDir, { recursive: true });
  const log = join(reportDir, 'schemathesis.log');
  const out = createWriteStream(log);
  await new Promise((resolve) => out.once('open', resolve));
  const code = await new Promise((resolve) => {
    const child = spawn(st, args, { cwd: work, stdio: ['ignore', out, out] });
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  await new Promise((resolve) => out.end(resolve));
  return { code, reportDir, log };
}

function printTail(file, lines = 40) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  console.log(text.split('\n').slice(-lines).join('\n'));
}

function reportFile(dir, prefix) {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  return name && join(dir, name);
}

async function main() {
  checkTarget();
  const version = installSchemathesis();
  mkdirSync(work, { recursive: true });
  const port = new URL(baseUrl).port || '80';
  // A system started here gets rate limits the fuzzer cannot reach, so it fuzzes the handlers
  // rather than the limiter (the limiter's own 429 is still documented and still checked).
  // Databases of its own, made afresh: the junk it writes never reaches the demo's, and answers are
  // checked against today's schemas only for data today's rules accepted.
  const system = await ensureSystem(baseUrl, {
    HEARTH_DATABASE_PREFIX: 'fuzz_',
    HEARTH_FRESH_DATABASES: '1',
    GATEWAY_PORT: port,
    RATE_LIMIT_PER_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '1000000',
  });
  const stopOnSignal = (signal) =>
    void system.stop().then(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const totals = { requests: 0, findings: new Map(), errors: [] };
  let operations = 0;
  try {
    const schema = await fetchSchema();
    operations = schema.operations;
    for (const [i, planned] of runs(seconds).entries()) {
      const email = planned.email ?? 'anonymous';
      const { code, reportDir, log } = await fuzzAs(planned, schema.file, i);
      const requestsBefore = totals.requests;
      const ndjson = reportFile(reportDir, 'ndjson');
      const failures = ndjson ? await readRun(ndjson, totals, email) : 0;
      const json = reportFile(reportDir, 'json');
      const report = json ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
      for (const e of report?.errors ?? [])
        totals.errors.push(`${email}: ${JSON.stringify(e).slice(0, 300)}`);
      // A run that sent nothing, or failed without a finding of ours, must not pass unnoticed.
      const sent = totals.requests - requestsBefore;
      console.log(`  ${sent} requests, ${failures} failing checks, exit ${code} (log: ${log})`);
      if (sent === 0) totals.errors.push(`${email}: no request was sent (its log: ${log})`);
      else if (code !== 0 && failures === 0 && !report?.errors?.length)
        totals.errors.push(`${email}: schemathesis exited ${code} without a finding (log: ${log})`);
      if (sent === 0 || (code !== 0 && failures === 0)) printTail(log);
    }
  } finally {
    await system.stop();
  }
  printFindings(totals);
  const perCheck = CHECKS.map(
    (c) => `${c}=${[...totals.findings.values()].filter((f) => f.check === c).length}`,
  );
  const failed = totals.findings.size > 0 || totals.errors.length > 0;
  console.log(
    `\nFUZZ ${failed ? 'FAILED' : 'PASSED'}: schemathesis ${version}, ${operations} operations, ` +
      `${USERS.length} users and anonymous login, ${seconds} s, ${totals.requests} requests, ` +
      `${totals.findings.size} findings (${perCheck.join(' ')}), ${totals.errors.length} errors`,
  );
  process.exitCode = failed ? 1 : 0;
}

function printFindings({ findings, errors }) {
  if (findings.size === 0 && errors.length === 0) return;
  console.log(
    "\n=== Fuzz findings (one per check, code and operation; $TOKEN: a demo user's token) ===",
  );
  const sorted = [...findings.values()].sort((a, b) => a.operation.localeCompare(b.operation));
  for (const f of sorted) {
    console.log(
      `\n✗ ${f.check} ${f.code} ${f.title}: ${f.operation} answered ${f.status ?? '?'} (${f.count}×, as ${f.as})`,
    );
    if (f.message) console.log(`  ${f.message}`);
    console.log(`  ${f.curl}`);
  }
  for (const e of errors) console.log(`\n✗ error: ${e}`);
}

main().catch((err) => {
  console.error(`\nFUZZ FAILED: ${err.message}`);
  process.exitCode = 1;
});
