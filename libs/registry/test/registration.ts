import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

interface Built {
  name: string;
  port: number;
  planned?: true;
  resources: string[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are read as plain data
type Manifest = any;

/**
 * Every place a built service of the registry must appear, read from the files under `root`:
 * its folder, the build references, docker-compose.yml (its container, its database, the
 * gateway's address for it), k8s/ (Deployment, Service, Secret, the gateway's address for it).
 * Answers one line per thing missing; none when the service is registered everywhere.
 */
export function registrationProblems(root: string): string[] {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const registry = JSON.parse(read('libs/registry/src/services.json')) as { services: Built[] };
  const built = registry.services.filter((s) => !s.planned);
  const build = JSON.parse(read('tsconfig.build.json')) as { references: { path: string }[] };
  const compose = parseAllDocuments(read('docker-compose.yml'))[0].toJS({ maxAliasCount: -1 });
  const databases = read('deploy/postgres-init.sql');
  const k8s: Manifest[] = readdirSync(join(root, 'k8s'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(read(`k8s/${f}`)).map((d) => d.toJS()));
  const k8sObject = (kind: string, name: string) =>
    k8s.find((m) => m?.kind === kind && m.metadata?.name === name);
  const gatewayContainer = k8sObject('Deployment', 'gateway')?.spec.template.spec.containers[0];
  const gatewayK8sEnv = new Map<string, string>(
    (gatewayContainer?.env ?? []).map((e: Manifest) => [e.name, e.value]),
  );

  const problems: string[] = [];
  for (const s of built) {
    const missing = (where: string) => problems.push(`${s.name} is missing from ${where}`);
    const database = s.name.replace(/-/g, '_');
    const urlVariable = `${s.name.toUpperCase().replace(/-/g, '_')}_URL`;
    if (!existsSync(join(root, 'services', s.name, 'src/main.ts')))
      missing(`services/ (no src/main.ts)`);
    if (!build.references.some((r) => r.path === `services/${s.name}`))
      missing('tsconfig.build.json');
    const container = compose.services?.[s.name];
    if (container?.build?.args?.SERVICE !== `services/${s.name}`)
      missing('docker-compose.yml services');
    else if (!String(container.environment?.DATABASE_URL).endsWith(`/${database}`))
      missing(`docker-compose.yml (DATABASE_URL naming its database ${database})`);
    if (!new RegExp(`^CREATE DATABASE ${database};$`, 'm').test(databases))
      missing('deploy/postgres-init.sql');
    if (compose.services?.gateway?.environment?.[urlVariable] !== `http://${s.name}:8080`)
      missing(`docker-compose.yml gateway environment (${urlVariable})`);
    if (!compose.services?.gateway?.depends_on?.[s.name])
      missing('docker-compose.yml gateway depends_on');
    const deployment = k8sObject('Deployment', s.name);
    if (deployment?.spec.template.spec.containers[0]?.image !== `hearth/${s.name}:latest`)
      missing('k8s/ (Deployment)');
    if (!k8sObject('Service', s.name)) missing('k8s/ (Service)');
    if (!k8sObject('Secret', `${s.name}-secrets`)) missing('k8s/ (Secret with its DATABASE_URL)');
    if (gatewayK8sEnv.get(urlVariable) !== `http://${s.name}.hearth.svc.cluster.local`)
      missing(`k8s/gateway.yaml (${urlVariable})`);
  }
  return problems;
}
