import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import pg from 'pg';
import { consumerQueues } from '@hearth/bus';
import { serviceEnv } from '@hearth/config';
import { ParticipantCreated, SharingStateChanged } from '@hearth/events';
import { startServiceForTest, type TestService } from '../src';
import { echoService } from './echo-service/definition';

const participant = (orgId = randomUUID()) => ({
  participantId: randomUUID(),
  ownerOrgId: orgId,
  firstName: 'Amina',
  middleName: null,
  lastName: 'Odhiambo',
  birthDate: '1990-04-02',
  sex: 'female' as const,
  securityRestriction: 'restrict_to_org' as const,
});

const databaseExists = async (url: string) => {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await admin.end();
  return rowCount === 1;
};

/** Which of these queues, and the exchange, the broker still has (checkQueue: 404 when missing). */
async function onTheBroker(queues: string[], exchange: string) {
  const connection = await amqp.connect(process.env.AMQP_URL!);
  const exists = async (check: (c: amqp.Channel) => Promise<unknown>) => {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined); // a 404 closes the channel
    return check(channel).then(
      () => channel.close().then(() => true),
      () => false,
    );
  };
  try {
    const left = [];
    for (const queue of queues) if (await exists((c) => c.checkQueue(queue))) left.push(queue);
    return { queues: left, exchange: await exists((c) => c.checkExchange(exchange)) };
  } finally {
    await connection.close();
  }
}
const allQueuesOf = (service: TestService) => service.queues.flatMap(consumerQueues);

let echo: TestService;
beforeAll(async () => {
  echo = await startServiceForTest(echoService, serviceEnv);
});
afterAll(() => echo?.close());

describe('publishAndWait', () => {
  it('resolves only once every consumer of the event type has applied its effect', async () => {
    const event = await echo.publish(ParticipantCreated, participant());
    const { rows } = await echo.pool.query<{ consumer: string }>(
      'SELECT consumer FROM effects WHERE event_id = $1 ORDER BY consumer',
      [event.id],
    );
    expect(rows.map((r) => r.consumer)).toEqual(['echo.quick', 'echo.slow']);
  });

  it('refuses at once an event type no consumer of the service handles', async () => {
    const started = Date.now();
    await expect(
      echo.publish(SharingStateChanged, {
        participantId: randomUUID(),
        ownerOrgId: randomUUID(),
        securityRestriction: 'restrict_to_org',
        releases: [],
        sharingVersion: 1,
      }),
    ).rejects.toThrow(/no consumer of this service handles intake\.sharing\.changed/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('sends the event with the organization and actor given', async () => {
    const orgId = randomUUID();
    const actor = { userId: randomUUID(), name: 'A worker elsewhere' };
    const event = await echo.publish(ParticipantCreated, participant(orgId), { orgId, actor });
    expect(event).toMatchObject({ orgId, actor, type: ParticipantCreated.type });
  });
});

describe('startServiceForTest', () => {
  it('gives each service started its own database, exchange and queue names', async () => {
    const other = await startServiceForTest(echoService, serviceEnv);
    try {
      expect(other.databaseUrl).not.toBe(echo.databaseUrl);
      expect(other.exchange).not.toBe(echo.exchange);
      expect(other.queuePrefix).not.toBe(echo.queuePrefix);
    } finally {
      await other.close();
    }
  });

  it('lets a replica join another instance database and queues, so both consume from them', async () => {
    const replica = await startServiceForTest(echoService, serviceEnv, {
      databaseUrl: echo.databaseUrl,
      exchange: echo.exchange,
      queuePrefix: echo.queuePrefix,
    });
    try {
      expect(replica.consumersOf(ParticipantCreated.type)).toEqual(
        echo.consumersOf(ParticipantCreated.type),
      );
      const event = await replica.publish(ParticipantCreated, participant());
      const { rows } = await echo.pool.query('SELECT 1 FROM effects WHERE event_id = $1', [
        event.id,
      ]);
      expect(rows).toHaveLength(2);
    } finally {
      await replica.close();
    }
    expect(await databaseExists(echo.databaseUrl)).toBe(true);
    // the instance it joined still consumes from them: its queues and exchange stay
    expect(await onTheBroker(allQueuesOf(echo), echo.exchange)).toEqual({
      queues: allQueuesOf(echo),
      exchange: true,
    });
  });

  it('drops the fresh database when the service is closed', async () => {
    const other = await startServiceForTest(echoService, serviceEnv);
    await other.close();
    expect(await databaseExists(other.databaseUrl)).toBe(false);
  });

  it('takes its queues (with their retry and parked queues) and its exchange off the broker when closed', async () => {
    const other = await startServiceForTest(echoService, serviceEnv);
    const queues = allQueuesOf(other);
    expect(queues).toHaveLength(6); // two consumers
    expect(await onTheBroker(queues, other.exchange)).toEqual({ queues, exchange: true });
    await other.close();
    expect(await onTheBroker(queues, other.exchange)).toEqual({ queues: [], exchange: false });
  });

  it('gives the service the clock the test passes as its now', async () => {
    const clock = () => new Date('2026-03-01T12:00:00Z');
    const other = await startServiceForTest(echoService, serviceEnv, { clock });
    try {
      expect(other.service.ctx.clock()).toEqual(new Date('2026-03-01T12:00:00Z'));
    } finally {
      await other.close();
    }
  });
});
