import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registrationProblems } from '../../libs/registry/test/registration';

/**
 * The generator, run into a copy of the repository (never into this one): the service it makes
 * typechecks and is registered everywhere the registry test looks. Slow (a typecheck), so bounded
 * to the new service's own files and what they import.
 */
const root = join(__dirname, '..', '..');
const skip = /(^|\/)(node_modules|dist|\.git|\.data|\.tools|coverage)(\/|$)|\.tsbuildinfo$/;
let copy: string;
// A new service takes the port after the highest one the registry holds before it is generated.
const registryBefore = JSON.parse(
  readFileSync(join(root, 'libs/registry/src/services.json'), 'utf8'),
) as { services: Array<{ port?: number }> };
const nextPort = Math.max(...registryBefore.services.map((s) => s.port ?? 0)) + 1;
const generate = (...args: string[]) =>
  execFileSync(process.execPath, ['deploy/new-service.mjs', ...args, '--no-install'], {
    cwd: copy,
    stdio: 'pipe',
  });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'hearth-new-service-'));
  cpSync(root, copy, { recursive: true, filter: (src) => !skip.test(src.slice(root.length)) });
  // The installed packages are shared with the copy, nested ones (e.g. libs/auth's) included.
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  for (const parent of ['libs', 'services'])
    for (const dir of readdirSync(join(root, parent)))
      if (existsSync(join(root, parent, dir, 'node_modules')))
        symlinkSync(
          join(root, parent, dir, 'node_modules'),
          join(copy, parent, dir, 'node_modules'),
        );
  // every planned service is built now: the copy's registry plans one, as the product owner would
  const registryFile = join(copy, 'libs/registry/src/services.json');
  const registry = JSON.parse(readFileSync(registryFile, 'utf8'));
  registry.services.push({
    name: 'outreach',
    planned: true,
    resources: ['outreach-contacts', 'encampments'],
  });
  writeFileSync(registryFile, `${JSON.stringify(registry, null, 2)}\n`);
  generate('case-notes-archive');
  generate('outreach', '--reads-participants', '--jobs'); // planned in the registry until now
}, 60_000);
afterAll(() => copy && rmSync(copy, { recursive: true, force: true }));

test('the new service is registered everywhere: registry, build, compose, k8s, databases', () => {
  expect(registrationProblems(copy)).toEqual([]);
  const registry = JSON.parse(readFileSync(join(copy, 'libs/registry/src/services.json'), 'utf8'));
  expect(registry.services).toContainEqual({
    name: 'case-notes-archive',
    port: nextPort,
    resources: ['case-notes-archive'],
  });
});

test('a planned service, once generated, is built with the resources the registry gave it', () => {
  const registry = JSON.parse(readFileSync(join(copy, 'libs/registry/src/services.json'), 'utf8'));
  expect(registry.services).toContainEqual({
    name: 'outreach',
    port: nextPort + 1,
    resources: ['outreach-contacts', 'encampments'],
  });
});

const read = (service: string, file: string) =>
  readFileSync(join(copy, 'services', service, file), 'utf8');

test('a service that reads participants keeps sharing facts and migrates the access-denial audit', () => {
  expect(read('outreach', 'src/app.ts')).toMatch(
    /sharedMigrations: \[accessAuditMigrations, sharingFactsMigrations\]/,
  );
  expect(read('outreach', 'src/events/consumers.ts')).toContain(
    "sharingFactsConsumer('outreach.sharing-facts')",
  );
  const pkg = JSON.parse(read('outreach', 'package.json'));
  expect(pkg.dependencies).toMatchObject({ '@hearth/access': '*', '@hearth/sharing': '*' });
});

test('a service that reads participants gates them with participantGate over sharingOf', () => {
  const gate = read('outreach', 'src/routes/participant-gate.ts');
  expect(gate).toMatch(/participantGate\(/);
  expect(gate).toMatch(/sharingOf\(/);
  expect(read('outreach', 'src/routes/participants.ts')).toMatch(
    /await participantFor\(deps\.pool/,
  );
});

test('the new service follows the layout: deps, a thin route, a use case, a pure rule, events, tests', () => {
  const service = join(copy, 'services/case-notes-archive');
  for (const file of [
    'src/main.ts',
    'src/app.ts',
    'src/config.ts',
    'src/deps.ts',
    'src/routes/about.ts',
    'src/use-cases/describe-service.ts',
    'src/domain/schema.ts',
    'src/store/migrations.ts',
    'src/events/consumers.ts',
    'migrations/001_case_notes_archive.sql',
    'test/config.unit.test.ts',
    'test/schema.unit.test.ts',
    'test/service.int.test.ts',
    'README.md',
  ])
    expect(existsSync(join(service, file))).toBe(true);
});

test('its dependencies are the runtime context, built once in app.ts and given to the route', () => {
  expect(read('case-notes-archive', 'src/deps.ts')).toMatch(
    /export type CaseNotesArchiveDeps = ServiceContext<CaseNotesArchiveEnv>;/,
  );
  const app = read('case-notes-archive', 'src/app.ts');
  expect(app).toMatch(/const deps: CaseNotesArchiveDeps = ctx;/);
  expect(app).toMatch(/aboutRoutes\(api, deps\)/);
  expect(read('case-notes-archive', 'src/routes/about.ts')).toMatch(
    /await describeService\(deps\)/,
  );
});

test('the generated app hands the dead-letter gauge (ctx.metrics) to createApp', () => {
  expect(read('case-notes-archive', 'src/app.ts')).toMatch(/metrics: deps\.metrics/);
});

test('its domain rule is pure: no store, HTTP, crypto or I/O import', () => {
  const domain = read('case-notes-archive', 'src/domain/schema.ts');
  expect(domain).not.toMatch(/from '(@hearth\/(db|http|bus)|node:|\.\.\/store)/);
});

test('the jobs room is written only when jobs are declared, and then wired into the service', () => {
  expect(existsSync(join(copy, 'services/case-notes-archive/src/jobs'))).toBe(false);
  expect(existsSync(join(copy, 'services/outreach/src/jobs/jobs.ts'))).toBe(true);
  expect(read('outreach', 'src/app.ts')).toMatch(/^ {2}jobs,$/m);
});

test('no adapters room is written: nothing generated needs one', () => {
  expect(existsSync(join(copy, 'services/case-notes-archive/src/adapters'))).toBe(false);
});

test('the new services and their tests typecheck', () => {
  writeFileSync(
    join(copy, 'tsconfig.new-service.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      include: ['case-notes-archive', 'outreach'].flatMap((name) => [
        `services/${name}/src`,
        `services/${name}/test`,
      ]),
    }),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  expect(() =>
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.new-service.json'], {
      cwd: copy,
      stdio: 'pipe',
    }),
  ).not.toThrow();
}, 120_000);

test('a name that is not lower-case words joined by "-" is refused and nothing is written', () => {
  const before = readFileSync(join(copy, 'libs/registry/src/services.json'), 'utf8');
  expect(() => generate('Case_Notes')).toThrow();
  expect(readFileSync(join(copy, 'libs/registry/src/services.json'), 'utf8')).toBe(before);
});
