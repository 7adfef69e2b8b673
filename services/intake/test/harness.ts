import { randomBytes } from 'node:crypto';
import {
  apiClient,
  startServiceForTest,
  testLogger,
  type TestServiceOptions,
  type testActor,
} from '@hearth/testkit';
import { intake } from '../src/app';
import { intakeEnv } from '../src/config';

export const logger = testLogger('intake');

/**
 * Intake on a fresh database, isolated on the shared broker, with an SSN key of its own;
 * `amqpUrl` lets a test put a proxy in between, `databaseUrl` hands it a database the test made.
 */
export function startIntake(
  options: Pick<TestServiceOptions, 'amqpUrl' | 'databaseUrl' | 'clock'> = {},
) {
  return startServiceForTest(intake, intakeEnv, {
    ...options,
    env: { SSN_KEYS: `test:${randomBytes(32).toString('base64')}`, SSN_ACTIVE_KEY_ID: 'test' },
    logger,
  });
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
