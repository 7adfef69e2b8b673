import { z } from 'zod';
import registryFile from './services.json';

/**
 * THE list of Hearth's services. `npm start` (deploy/start.mjs), the gateway's route table and
 * config, docker-compose.yml, k8s/ and the build references all follow it, and
 * test/registry.unit.test.ts fails when a built service is missing from any of them.
 * `npm run new-service -- <name>` adds an entry here and everywhere else.
 */
/** The resource routed on its second segment, the workflow type, and composed at its root. */
export const WORKFLOWS = 'workflows';

const serviceName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'lower-case words joined by -');
const entry = z.strictObject({
  name: serviceName,
  /** Its port under `npm start` (in containers every process listens on 8080). */
  port: z.number().int().min(1024).max(65535).optional(),
  /** Named in the architecture but not built yet: its resources answer 503 at the gateway. */
  planned: z.literal(true).optional(),
  /** First path segments under /api/v1 that this service owns. */
  resources: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1),
  /** The workflow types it serves under /api/v1/workflows/{type}/… (ARCHITECTURE.md). */
  workflowTypes: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]*$/))
    .min(1)
    .optional(),
});
const registry = z.strictObject({ services: z.array(entry) }).superRefine((value, ctx) => {
  const owners = new Map<string, string>();
  const typeOwners = new Map<string, string>();
  for (const [i, service] of value.services.entries()) {
    for (const type of service.workflowTypes ?? []) {
      const owner = typeOwners.get(type);
      if (owner)
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'workflowTypes'],
          message: `${type} is already served by ${owner}`,
        });
      typeOwners.set(type, service.name);
    }
    if (service.resources.includes(WORKFLOWS))
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'resources'],
        message: `${WORKFLOWS} is routed by type: list workflowTypes instead`,
      });
    if (!service.planned && service.port === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'port'],
        message: 'a built service needs a port',
      });
    for (const resource of service.resources) {
      const owner = owners.get(resource);
      if (owner)
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'resources'],
          message: `${resource} is already owned by ${owner}`,
        });
      owners.set(resource, service.name);
    }
  }
});

export interface RegisteredService {
  name: string;
  port?: number;
  planned?: true;
  resources: string[];
  workflowTypes?: string[];
}

/** A built service: it has a folder, a port, a database, an image and a manifest. */
export interface BuiltService extends RegisteredService {
  port: number;
  /** services/<name> */
  dir: string;
  /** Its own Postgres database (names use `_` where the service name has `-`). */
  database: string;
  /** The gateway's variable naming its address, e.g. RENT_ASSISTANCE_URL. */
  urlVariable: string;
}

export const SERVICES: readonly RegisteredService[] = registry.parse(registryFile).services;

export const urlVariableOf = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_URL`;

export const BUILT_SERVICES: readonly BuiltService[] = SERVICES.filter(
  (s): s is RegisteredService & { port: number } => !s.planned,
).map((s) => ({
  ...s,
  dir: `services/${s.name}`,
  database: s.name.replace(/-/g, '_'),
  urlVariable: urlVariableOf(s.name),
}));

/** Resource (first segment under /api/v1) → owning service. */
export const RESOURCE_OWNERS: ReadonlyMap<string, string> = new Map(
  SERVICES.flatMap((s) => s.resources.map((r) => [r, s.name] as const)),
);

/** Workflow type (/api/v1/workflows/{type}/…) → the service whose rules and drafts it has. */
export const WORKFLOW_TYPE_OWNERS: ReadonlyMap<string, string> = new Map(
  SERVICES.flatMap((s) => (s.workflowTypes ?? []).map((t) => [t, s.name] as const)),
);
