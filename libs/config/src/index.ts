import { z } from 'zod';

/** Thrown when the environment does not satisfy a service's schema; the message names every variable at fault. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment once, at start. Unknown variables are ignored: the environment holds many. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const missing = issue.code === 'invalid_type' && env[name] === undefined;
      return missing ? `${name} is required but not set` : `${name}: ${issue.message}`;
    }),
  );
}

/** For main(): print what is wrong and stop, instead of starting half-configured. */
export function loadConfigOrExit<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(
      `${err.message}\nSet the variables above (see README.md, "Configuration") and start again.`,
    );
    process.exit(78); // EX_CONFIG
  }
}

/** Building blocks shared by every service's schema. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () => z.string().url(),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
};

/**
 * Where a process listens. Loopback by default, so a developer's machine exposes nothing;
 * containers set HOST=0.0.0.0.
 */
export const listenEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: env.port(8080),
  LOG_LEVEL: env.logLevel(),
  JWT_ISSUER: z.string().min(1).default('hearth-identity'),
  JWT_AUDIENCE: z.string().min(1).default('hearth'),
});

/** What every service behind the gateway needs: where it listens, its database, the bus, and how to verify tokens. */
export const serviceEnv = listenEnv.extend({
  DATABASE_URL: env.url(),
  AMQP_URL: env.url(),
  JWKS_URL: env.url(),
});
export type ServiceEnv = z.infer<typeof serviceEnv>;
