// `npm run new-service -- <name> [--reads-participants] [--jobs] [--no-install]`: scaffolds
// services/<name> in the house layout (ARCHITECTURE.md, "Layout") and registers it everywhere it must appear: the
// services registry (which `npm start` and the gateway's route table and config follow),
// docker-compose.yml and the Postgres init script, k8s/, and the build references. Then
// `npm install` records the new workspace in package-lock.json. libs/registry's test fails when a
// registered service is missing from any of these places.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serviceFiles } from './new-service/files.mjs';
import { register } from './new-service/register.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const flags = new Set(args.filter((a) => a.startsWith('--')));

function fail(message) {
  console.error(
    `✗ ${message}\n  usage: npm run new-service -- <name> [--reads-participants] [--jobs]`,
  );
  process.exit(2);
}

if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
  fail('name the service in lower-case words joined by "-", e.g. case-notes');
const unknown = [...flags].filter(
  (f) => !['--reads-participants', '--jobs', '--no-install'].includes(f),
);
if (unknown.length) fail(`unknown option ${unknown.join(', ')}`);

const registryFile = join(root, 'libs/registry/src/services.json');
const registry = JSON.parse(readFileSync(registryFile, 'utf8'));
const existing = registry.services.find((s) => s.name === name);
if (existing && !existing.planned) fail(`${name} is already in the registry`);
if (existsSync(join(root, 'services', name))) fail(`services/${name} already exists`);
const ownedElsewhere = registry.services.find((s) => s !== existing && s.resources.includes(name));
if (!existing && ownedElsewhere)
  fail(`the resource /api/v1/${name} is owned by ${ownedElsewhere.name}; choose another name`);

const port = Math.max(...registry.services.map((s) => s.port ?? 3000)) + 1;
const service = {
  name,
  port,
  resources: existing?.resources ?? [name],
  database: name.replace(/-/g, '_'),
  urlVariable: `${name.toUpperCase().replace(/-/g, '_')}_URL`,
  readsParticipants: flags.has('--reads-participants'),
  jobs: flags.has('--jobs'),
};

for (const [path, text] of Object.entries(serviceFiles(service))) {
  const file = join(root, 'services', name, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const touched = register(root, service);
console.log(
  `✔ services/${name} created and registered (port ${port}, database ${service.database})`,
);

if (!flags.has('--no-install')) {
  // Records the new workspace in package-lock.json and links it into node_modules (on a fresh
  // clone this installs everything, prettier included).
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
// The house format (prettier), so `npm run lint` passes on what was just written.
const prettier = join(root, 'node_modules/.bin/prettier');
if (existsSync(prettier)) {
  const files = [`services/${name}`, ...touched];
  execFileSync(prettier, ['--write', '--log-level=warn', '--ignore-unknown', ...files], {
    cwd: root,
    stdio: 'inherit',
  });
}
console.log(
  `  Next: npx jest services/${name}   then npm start, and GET /api/v1/${service.resources[0]}/about through the gateway.`,
);
