import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUILT_SERVICES,
  RESOURCE_OWNERS,
  SERVICES,
  WORKFLOW_TYPE_OWNERS,
  urlVariableOf,
} from '../src';
import { registrationProblems } from './registration';

const root = join(__dirname, '..', '..', '..');

test('every built service of the registry is registered everywhere the system is described', () => {
  expect(registrationProblems(root)).toEqual([]);
});

test('a built service has its own database and gateway address named after it', () => {
  expect(BUILT_SERVICES.map((s) => [s.name, s.database, s.urlVariable])).toEqual(
    expect.arrayContaining([
      ['identity', 'identity', 'IDENTITY_URL'],
      ['intake', 'intake', 'INTAKE_URL'],
      ['enrollment', 'enrollment', 'ENROLLMENT_URL'],
    ]),
  );
  expect(urlVariableOf('rent-assistance')).toBe('RENT_ASSISTANCE_URL');
});

test('each resource has exactly one owner, as ARCHITECTURE.md "API shape" assigns them', () => {
  expect(RESOURCE_OWNERS.get('participants')).toBe('intake');
  expect(RESOURCE_OWNERS.get('workflows')).toBeUndefined(); // routed by type
  expect(WORKFLOW_TYPE_OWNERS.get('intake_assessment')).toBe('intake');
  expect(WORKFLOW_TYPE_OWNERS.get('fssp-creation')).toBe('fssp');
  expect(RESOURCE_OWNERS.get('payments')).toBe('rent-assistance');
  const all = SERVICES.flatMap((s) => s.resources);
  expect(new Set(all).size).toBe(all.length);
});

describe('when a built service is missing from one of the places', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'hearth-registry-'));
    for (const path of ['libs/registry/src', 'services', 'k8s', 'deploy/postgres-init.sql'])
      cpSync(join(root, path), join(copy, path), {
        recursive: true,
        filter: (src) => !/node_modules|dist/.test(src),
      });
    for (const file of ['tsconfig.build.json', 'docker-compose.yml'])
      cpSync(join(root, file), join(copy, file));
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));
  const change = (file: string, from: RegExp | string, to: string) => {
    const text = readFileSync(join(copy, file), 'utf8');
    writeFileSync(join(copy, file), text.replace(from, to));
  };

  it('names the build references when tsconfig.build.json lacks it', () => {
    change('tsconfig.build.json', /\{\s*"path": "services\/intake"\s*\},?/, '');
    expect(registrationProblems(copy)).toEqual(['intake is missing from tsconfig.build.json']);
  });

  it('names docker-compose.yml when the gateway there has no address for it', () => {
    change('docker-compose.yml', /\n\s+ENROLLMENT_URL: .*/, '');
    expect(registrationProblems(copy)).toEqual([
      'enrollment is missing from docker-compose.yml gateway environment (ENROLLMENT_URL)',
    ]);
  });

  it('names k8s/ when it has no Deployment for it', () => {
    rmSync(join(copy, 'k8s/enrollment.yaml'));
    expect(registrationProblems(copy)).toEqual([
      'enrollment is missing from k8s/ (Deployment)',
      'enrollment is missing from k8s/ (Service)',
    ]);
  });

  it('names the registry entry whose service has no database in the Postgres init script', () => {
    change('deploy/postgres-init.sql', 'CREATE DATABASE identity;', '');
    expect(registrationProblems(copy)).toEqual([
      'identity is missing from deploy/postgres-init.sql',
    ]);
  });
});
