import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '@hearth/logging';
import { startService, type RunningService } from '@hearth/runtime';
import type { Clock } from '@hearth/time';
import { apiClient, createTestDatabase, testKeys, type testActor } from '@hearth/testkit';
import { intake } from '../src/app';
import { intakeEnv, type IntakeEnv } from '../src/config';

export const logger = createLogger({
  service: 'intake-test',
  level: process.env.TEST_LOG_LEVEL ?? 'silent',
});

/** Intake on a fresh database, isolated on the shared broker; `amqpUrl` lets a test put a proxy in between. */
export async function startIntake(
  options: { amqpUrl?: string; databaseUrl?: string; clock?: Clock } = {},
) {
  const db = options.databaseUrl ? undefined : await createTestDatabase('intake');
  const id = randomUUID().slice(0, 8);
  const isolation = {
    exchange: `test.intake.${id}`,
    queuePrefix: `test-${id}.`,
    keys: testKeys,
    logger,
    relay: { pollMs: 200 },
    clock: options.clock,
  };
  const config = intakeEnv.parse({
    DATABASE_URL: options.databaseUrl ?? db!.url,
    AMQP_URL: options.amqpUrl ?? process.env.AMQP_URL,
    JWKS_URL: 'http://127.0.0.1:1/unused',
    PORT: '0',
    SSN_KEYS: `test:${randomBytes(32).toString('base64')}`,
    SSN_ACTIVE_KEY_ID: 'test',
  });
  const service: RunningService<IntakeEnv> = await startService(intake, config, isolation);
  return {
    service,
    isolation,
    url: service.url,
    close: async () => {
      await service.close();
      await db?.drop();
    },
  };
}

/** fetch against the service as `actor`, JSON in and out. */
export const client = apiClient;

/**
 * A new participant recorded by `actor` (past the duplicate check), its id. The last name gets a
 * random suffix so tests never match each other's people.
 */
export async function createParticipant(
  url: string,
  actor: ReturnType<typeof testActor>,
  fields: { firstName: string; lastName: string; birthDate: string; sex: string } & Record<
    string,
    unknown
  >,
): Promise<string> {
  const res = await client(url, actor).post('/participants', {
    ...fields,
    lastName: `${fields.lastName}${Math.random().toString(36).slice(2, 7)}`,
    confirmNew: true,
  });
  if (res.status !== 201) throw new Error(`participant not created: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
