import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { ParticipantCreated, SharingStateChanged, createEvent } from '@hearth/events';
import { testActor, waitFor } from '@hearth/testkit';
import {
  client,
  daysAgo,
  participantFacts,
  sharingState,
  startEnrollment,
  type Harness,
} from './harness';

const owner = randomUUID();
const released = randomUUID();
const worker = testActor({ orgId: owner, roles: ['caseworker'] });
const partner = testActor({ orgId: released, roles: ['caseworker'] });

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h.close());

/** 200 when the actor may see the participant, 404 when not (a denied read looks like "not found"). */
const lookAs = async (actor: typeof worker, participantId: string) =>
  (await client(h.url, actor).get(`/eligibility?participantId=${participantId}`)).status;

/** A share_mou participant of `owner` with one release to `released`, granted then revoked. */
function sharedThenRevoked() {
  const person = participantFacts(owner, { securityRestriction: 'share_mou' });
  const release = {
    releaseId: randomUUID(),
    toOrgId: released,
    beginDate: daysAgo(30),
    endDate: daysAgo(-300),
    revokedAt: null,
  };
  const granted = sharingState(person, { releases: [release], sharingVersion: 2 });
  const revoked = sharingState(person, {
    releases: [{ ...release, revokedAt: new Date(Date.now() - 60_000).toISOString() }],
    sharingVersion: 3,
  });
  return { person, created: sharingState(person), granted, revoked };
}

async function parkedCount(): Promise<number> {
  const connection = await amqp.connect(process.env.AMQP_URL!);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(`${h.queuePrefix}enrollment.sharing-facts.dlq`)).messageCount;
  } finally {
    await connection.close();
  }
}

describe('sharing facts from intake', () => {
  it('when a revocation arrives before the participant was created, it is kept and the older grant never reopens access', async () => {
    const { person, created, granted, revoked } = sharedThenRevoked();
    await h.publish(SharingStateChanged, revoked);
    await h.publish(ParticipantCreated, person);
    await h.publish(SharingStateChanged, created);
    await h.publish(SharingStateChanged, granted);

    expect(await lookAs(partner, person.participantId)).toBe(404);
    expect(await lookAs(worker, person.participantId)).toBe(200);
    expect(await parkedCount()).toBe(0);
  });

  it('when a revocation is delivered twice, the participant stays hidden from the released organization', async () => {
    const { person, created, granted, revoked } = sharedThenRevoked();
    await h.publish(ParticipantCreated, person);
    await h.publish(SharingStateChanged, created);
    await h.publish(SharingStateChanged, granted);
    expect(await lookAs(partner, person.participantId)).toBe(200);

    await h.publish(SharingStateChanged, revoked);
    await h.publish(SharingStateChanged, revoked);

    expect(await lookAs(partner, person.participantId)).toBe(404);
    const { rows } = await h.pool.query(
      'SELECT sharing_version FROM sharing_facts WHERE participant_id = $1',
      [person.participantId],
    );
    expect(rows).toEqual([{ sharing_version: 3 }]);
  });

  it('when an older version arrives after a newer one, it is ignored', async () => {
    const { person, granted, revoked } = sharedThenRevoked();
    await h.publish(ParticipantCreated, person);
    await h.publish(SharingStateChanged, revoked);
    await h.publish(SharingStateChanged, granted);

    expect(await lookAs(partner, person.participantId)).toBe(404);
  });

  it('when a participant is known but their sharing has not arrived, nobody sees them, not even the owner', async () => {
    const person = participantFacts(owner, { securityRestriction: 'share_global' });
    await h.publish(ParticipantCreated, person);

    expect(await lookAs(worker, person.participantId)).toBe(404);
    expect(await lookAs(partner, person.participantId)).toBe(404);
  });

  it('when a sharing message is parked, /readyz and /metrics name its queue and how many wait', async () => {
    const queue = `${h.queuePrefix}enrollment.sharing-facts`;
    const { person } = sharedThenRevoked();
    const event = createEvent(SharingStateChanged, {
      orgId: owner,
      actor: { userId: null, name: 'Intake' },
      data: sharingState(person),
    });
    const unusable = { ...event, data: { ...event.data, sharingVersion: 0 } }; // poison
    const channel = h.service.ctx.broker.publisher!;
    channel.publish(h.exchange, unusable.type, Buffer.from(JSON.stringify(unusable)));
    await channel.waitForConfirms();
    await waitFor(async () => (await parkedCount()) === 1, 10_000, 'the parked message');

    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    const { checks } = (await ready.json()) as { checks: Record<string, string> };
    expect(checks[`parked:${queue}`]).toBe('ok (1 parked)');
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain(`hearth_dead_letter_messages{queue="${queue}"} 1`);
  });
});
