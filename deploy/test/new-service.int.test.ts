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
  generate('case-notes-archive');
  generate('referrals', '--reads-participants'); // planned in the registry until now
}, 60_000);
afterAll(() => copy && rmSync(copy, { recursive: true, force: true }));

test('the new service is registered everywhere: registry, build, compose, k8s, databases', () => {
  expect(registrationProblems(copy)).toEqual([]);
  const registry = JSON.parse(readFileSync(join(copy, 'libs/registry/src/services.json'), 'utf8'));
  expect(registry.services).toContainEqual({
    name: 'case-notes-archive',
    port: 3004,
    resources: ['case-notes-archive'],
  });
});

test('a planned service, once generated, is built with the resources the registry gave it', () => {
  const registry = JSON.parse(readFileSync(join(copy, 'libs/registry/src/services.json'), 'utf8'));
  expect(registry.services).toContainEqual({
    name: 'referrals',
    port: 3005,
    resources: ['referrals', 'providers', 'assessments', 'housing-queue', 'vacancies'],
  });
});

test('a service that reads participants migrates the access-denial audit', () => {
  const app = readFileSync(join(copy, 'services/referrals/src/app.ts'), 'utf8');
  expect(app).toMatch(/sharedMigrations: \[accessAuditMigrations\]/);
  const pkg = JSON.parse(readFileSync(join(copy, 'services/referrals/package.json'), 'utf8'));
  expect(pkg.dependencies['@hearth/access']).toBe('*');
});

test('the new service follows the layout: main, app, config, a route, a migration, events, tests, README', () => {
  const service = join(copy, 'services/case-notes-archive');
  for (const file of [
    'src/main.ts',
    'src/app.ts',
    'src/config.ts',
    'src/routes/about.ts',
    'src/events/consumers.ts',
    'migrations/001_case_notes_archive.sql',
    'test/config.unit.test.ts',
    'test/service.int.test.ts',
    'README.md',
  ])
    expect(existsSync(join(service, file))).toBe(true);
});

test('the new services and their tests typecheck', () => {
  writeFileSync(
    join(copy, 'tsconfig.new-service.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      include: ['case-notes-archive', 'referrals'].flatMap((name) => [
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
