import type { Pool } from 'pg';
import { createPool, migrate } from '@hearth/db';
import { serve } from '@hearth/http';
import { createTestDatabase, tcpProxy, testLogger, testPrivateKeyPem } from '@hearth/testkit';
import type { Clock } from '@hearth/time';
import type { InvitationMessage } from '../src/adapters/invitation-delivery';
import { buildIdentity, identitySchema } from '../src/app';
import { identityEnv } from '../src/config';
import { seedDemo } from '../src/seed';

export const DEMO_PASSWORD = 'demo-password-1';
export const logger = testLogger('identity');

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/**
 * Identity on a fresh database of its own, seeded with the demo data, listening on a free port.
 * It signs with the testkit's key under the testkit's kid, so `mintToken` makes tokens it accepts.
 * With `viaProxy` the pool reaches Postgres through a proxy the test can cut; with `clock`, "now"
 * for the throttle and invitations is the test's to move.
 */
export async function startIdentity(
  label: string,
  options: { viaProxy?: boolean; trustClientAddressHeader?: boolean; clock?: Clock } = {},
) {
  const db = await createTestDatabase(label);
  const proxy = options.viaProxy ? await tcpProxy(db.url) : undefined;
  const config = identityEnv.parse({
    DATABASE_URL: db.url,
    AMQP_URL: process.env.AMQP_URL, // events stay in the outbox: these tests read them there
    JWT_PRIVATE_KEY: testPrivateKeyPem,
    JWT_KEY_ID: 'test-key',
    PORT: '0',
    TRUST_CLIENT_ADDRESS_HEADER: String(options.trustClientAddressHeader ?? false),
  });
  const pool: Pool = createPool(proxy?.url ?? db.url, logger);
  await migrate(pool, identitySchema, logger);
  await seedDemo(pool);
  /** What invitees would find in their mailbox: the invitation tokens sent, by email. */
  const inbox: InvitationMessage[] = [];
  const deliverInvitation = async (message: InvitationMessage) => void inbox.push(message);
  const running = await serve(
    buildIdentity(config, { pool, logger, deliverInvitation, clock: options.clock }),
    {
      port: 0,
      logger,
    },
  );
  /** Every answer's text, so a test can prove no password hash ever left the service. */
  const transcript: string[] = [];

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const response = await fetch(running.url + path, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    transcript.push(text);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  const login = (
    email: string,
    password = DEMO_PASSWORD,
    organizationId?: string,
    headers?: Record<string, string>,
  ) => call('POST', '/api/v1/auth/login', { body: { email, password, organizationId }, headers });

  /** The access token of a demo user (for the organization given, when they have several). */
  async function tokenFor(email: string, organizationId?: string): Promise<string> {
    const answer = await login(email, DEMO_PASSWORD, organizationId);
    if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${answer.text}`);
    return answer.body.accessToken;
  }

  async function organizationId(name: string): Promise<string> {
    const { rows } = await pool.query('SELECT id FROM organizations WHERE name = $1', [name]);
    return rows[0].id;
  }

  return {
    url: running.url,
    config,
    pool,
    proxy,
    transcript,
    inbox,
    call,
    login,
    tokenFor,
    organizationId,
    close: async () => {
      await running.close();
      await pool.end();
      await proxy?.close();
      await db.drop();
    },
  };
}

export type Identity = Awaited<ReturnType<typeof startIdentity>>;
