// Registers a new service in every place the system is described: the registry, docker-compose.yml
// (and the Postgres init script), k8s/, and the build references. Each edit is a small text insertion
// next to the built services already there, so the files keep their comments and layout.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Answers the paths it changed, relative to `root`. */
export function register(root, s) {
  const touched = [];
  const edit = (path, change) => {
    touched.push(path);
    const file = join(root, path);
    const before = readFileSync(file, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`could not register ${s.name} in ${path}`);
    writeFileSync(file, after);
  };
  const entry = { name: s.name, port: s.port, resources: s.resources };

  edit('libs/registry/src/services.json', (text) => {
    const registry = JSON.parse(text);
    const at = registry.services.findIndex((x) => x.name === s.name);
    if (at >= 0)
      registry.services[at] = entry; // a planned service is now built
    else registry.services.splice(lastBuiltIndex(registry) + 1, 0, entry);
    return `${JSON.stringify(registry, null, 2)}\n`;
  });

  edit('tsconfig.build.json', (text) => {
    const config = JSON.parse(text);
    const gateway = config.references.findIndex((r) => r.path === 'gateway');
    config.references.splice(gateway, 0, { path: `services/${s.name}` });
    return `${JSON.stringify(config, null, 2)}\n`;
  });

  edit('deploy/postgres-init.sql', (text) => `${text}CREATE DATABASE ${s.database};\n`);

  edit('docker-compose.yml', (text) =>
    text
      .replace(/\n {2}gateway:\n/, `\n${composeService(s)}\n  gateway:\n`)
      .replace(
        /(\n {2}gateway:\n(?:.*\n)*? {6}\w+_URL: .*\n)(?! {6}\w+_URL: )/,
        `$1      ${s.urlVariable}: http://${s.name}:8080\n`,
      )
      .replace(
        /(\n {2}gateway:\n(?:.*\n)*? {4}depends_on:\n(?: {6}.*\n)*)/,
        `$1      ${s.name}:\n        condition: service_healthy\n`,
      ),
  );

  edit('k8s/gateway.yaml', (text) =>
    text.replace(
      /((?: {12}- name: \w+_URL\n {14}value: .*\n)+)/,
      `$1            - name: ${s.urlVariable}\n              value: http://${s.name}.hearth.svc.cluster.local\n`,
    ),
  );

  edit('k8s/config.yaml', (text) => `${text.replace(/\n*$/, '\n')}---\n${k8sSecret(s)}`);

  writeFileSync(
    join(root, 'k8s', `${s.name}.yaml`),
    readFileSync(join(import.meta.dirname, 'k8s-service.yaml'), 'utf8').replaceAll(
      'SERVICE_NAME',
      s.name,
    ),
  );
  return touched;
}

function lastBuiltIndex(registry) {
  let last = -1;
  registry.services.forEach((x, i) => {
    if (!x.planned) last = i;
  });
  return last;
}

const composeService = (s) => `  ${s.name}:
    build:
      <<: *build
      args:
        SERVICE: services/${s.name}
    image: hearth/${s.name}:latest
    environment:
      <<: *service-env
      DATABASE_URL: postgres://hearth:hearth@postgres:5432/${s.database}
    healthcheck: *ready
    depends_on: *needs-identity
`;

const k8sSecret = (s) => `# TEMPLATE (placeholders). Each service owns its database.
apiVersion: v1
kind: Secret
metadata:
  name: ${s.name}-secrets
  namespace: hearth
  labels:
    app.kubernetes.io/part-of: hearth
    app.kubernetes.io/name: ${s.name}
type: Opaque
stringData:
  DATABASE_URL: postgres://USER:PASSWORD@postgres.example.internal:5432/${s.database}
`;
