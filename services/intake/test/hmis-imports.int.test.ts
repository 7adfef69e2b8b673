import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import {
  HmisClientImported,
  HmisClientMatched,
  PersonLinked,
  createEvent,
  type HmisClient,
} from '@hearth/events';
import { outboxEvents, testActor, waitFor } from '@hearth/testkit';
import { client, startIntake } from './harness';

/**
 * An HMIS import's clients arrive from reporting (reporting.hmis-client.imported) and become
 * participants of the importer's organization through intake's own matching: a person already
 * here is linked, not duplicated. "Now" is the test's clock.
 */
let now = new Date('2026-12-01T12:00:00Z');
let intake: Awaited<ReturnType<typeof startIntake>>;
const importer = testActor({ roles: ['caseworker'], name: 'Ines Importer' });
const colleague = testActor({ roles: ['supervisor'], orgId: importer.orgId });
const otherAgency = testActor({ roles: ['caseworker'] });

beforeAll(async () => {
  intake = await startIntake({ clock: () => now });
});
afterAll(() => intake.close());

/** A Client.csv row as reporting announces it; the last name is the test's own. */
const row = (fields: Partial<HmisClient> = {}): HmisClient => ({
  importId: randomUUID(),
  exportId: 'EXP-2026-11',
  personalId: randomUUID().replace(/-/g, ''),
  importerRoles: importer.roles,
  firstName: 'Amina',
  middleName: null,
  lastName: `Odhiambo${Math.random().toString(36).slice(2, 8)}`,
  birthDate: '1990-04-02',
  sex: 'female',
  race: ['black_african_american_african'],
  veteranStatus: 'no',
  ssnRefused: false,
  ...fields,
});
const byImporter = { orgId: importer.orgId, actor: { userId: importer.userId, name: 'Ines' } };
const imported = (data: HmisClient, by = byImporter) =>
  intake.publish(HmisClientImported, data, by);

const outcomeOf = async (personalId: string) => {
  const matched = (await outboxEvents(intake.pool, HmisClientMatched)).filter(
    (e) => e.data.personalId === personalId,
  );
  expect(matched).toHaveLength(1);
  return matched[0]!.data;
};
const recordsNamed = async (lastName: string | null) =>
  (
    await intake.pool.query<{ id: string }>('SELECT id FROM participants WHERE last_name = $1', [
      lastName,
    ])
  ).rows.map((r) => r.id);
const linksOf = async (id: string) =>
  (await outboxEvents(intake.pool, PersonLinked)).filter((e) => e.data.participantIds.includes(id));
const alreadyHere = async (as: typeof importer, data: HmisClient, securityRestriction: string) => {
  const res = await client(intake.url, as).post('/participants', {
    firstName: data.firstName,
    lastName: data.lastName,
    birthDate: data.birthDate,
    sex: data.sex,
    securityRestriction,
    confirmNew: true,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

describe("an HMIS import's clients", () => {
  it("become participants of the importer's organization, restricted to it", async () => {
    const data = row({ ssnRefused: true, veteranStatus: 'yes' });
    await imported(data);

    const outcome = await outcomeOf(data.personalId);
    expect(outcome).toMatchObject({ outcome: 'taken_in', linkedToParticipantId: null });
    const id = outcome.participantId!;
    const mine = await client(intake.url, colleague).get(`/participants/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      ownerOrgId: importer.orgId,
      firstName: 'Amina',
      lastName: data.lastName,
      birthDate: '1990-04-02',
      sex: 'female',
      ssn: 'refused',
      race: ['black_african_american_african'],
      securityRestriction: 'restrict_to_org',
      demographics: { veteranStatus: 'yes' },
    });
    expect((await client(intake.url, otherAgency).get(`/participants/${id}`)).status).toBe(404);
  });

  it('a sex HUD lists as not collected (99) is recorded as no answer', async () => {
    const data = row({ sex: null });
    await imported(data);
    const id = (await outcomeOf(data.personalId)).participantId!;
    expect((await client(intake.url, importer).get(`/participants/${id}`)).body.sex).toBeNull();
  });

  it('a client already held with the same name and birth date is linked to it, not left a second person', async () => {
    const data = row();
    const existing = await alreadyHere(importer, data, 'restrict_to_org');
    await imported(data);

    const outcome = await outcomeOf(data.personalId);
    // same name 55 + same birth date 30 = 85: the check is confident
    expect(outcome).toMatchObject({ outcome: 'linked', linkedToParticipantId: existing });
    const person = await client(intake.url, importer).get(
      `/participants/${outcome.participantId}/person`,
    );
    expect(person.status).toBe(200);
    expect(person.body.personId).toBe(existing);
    expect([...person.body.participantIds].sort()).toEqual(
      [existing, outcome.participantId].sort(),
    );
    expect(person.body.link.reason).toContain(`PersonalID ${data.personalId}`);
    expect(await linksOf(existing)).toHaveLength(1);
  });

  it('a nickname with the same birth date (score 83) is taken in unlinked, left to the duplicate scan', async () => {
    const held = row({ firstName: 'Robert', sex: 'male' });
    await alreadyHere(importer, held, 'restrict_to_org');
    const data = { ...row({ firstName: 'Bob', sex: 'male' }), lastName: held.lastName };
    await imported(data);

    // first name 0.95 (nickname): 0.45 × 0.95 + 0.55 × 1 = 0.9775 → 52.5 + 30 = 83 < 85
    expect(await outcomeOf(data.personalId)).toMatchObject({ outcome: 'taken_in' });
    expect((await recordsNamed(held.lastName)).length).toBe(2);
  });

  it("another organization's restricted record of the same person is neither linked nor revealed", async () => {
    const data = row();
    const theirs = await alreadyHere(otherAgency, data, 'restrict_to_org');
    await imported(data);

    const outcome = await outcomeOf(data.personalId);
    expect(outcome).toMatchObject({ outcome: 'taken_in', linkedToParticipantId: null });
    expect(await linksOf(theirs)).toHaveLength(0);
  });

  it('a record another organization shares with every agency is linked: the importer may change it', async () => {
    const data = row();
    const shared = await alreadyHere(otherAgency, data, 'share_global');
    await imported(data);
    expect(await outcomeOf(data.personalId)).toMatchObject({
      outcome: 'linked',
      linkedToParticipantId: shared,
    });
  });

  it('a record shared by a release that has expired is neither linked nor revealed; while active it is linked', async () => {
    const releasedTo = async (data: HmisClient) => {
      const theirs = await alreadyHere(otherAgency, data, 'share_mou');
      const released = await client(intake.url, otherAgency).post(
        `/participants/${theirs}/releases`,
        { toOrgId: importer.orgId, beginDate: '2026-12-01', endDate: '2026-12-10', signedBy: 'A' },
      );
      expect(released.status).toBe(201);
      return theirs;
    };
    const [expired, active] = [row(), row()];
    const expiredOnes = await releasedTo(expired);
    const activeOnes = await releasedTo(active);

    await imported(active); // 2026-12-01: inside the release
    now = new Date('2026-12-11T12:00:00Z'); // the day after it ended
    try {
      await imported(expired);
    } finally {
      now = new Date('2026-12-01T12:00:00Z');
    }
    expect(await outcomeOf(active.personalId)).toMatchObject({
      outcome: 'linked',
      linkedToParticipantId: activeOnes,
    });
    expect(await outcomeOf(expired.personalId)).toMatchObject({
      outcome: 'taken_in',
      linkedToParticipantId: null,
    });
    expect(await linksOf(expiredOnes)).toHaveLength(0);
  });

  it('two records as sure as each other are not the import to choose between: taken in unlinked', async () => {
    const data = row();
    await alreadyHere(importer, data, 'restrict_to_org');
    await alreadyHere(colleague, data, 'restrict_to_org');
    await imported(data);
    expect(await outcomeOf(data.personalId)).toMatchObject({
      outcome: 'taken_in',
      linkedToParticipantId: null,
    });
  });

  it('a record already linked to another is not linked again (one link per record): taken in unlinked', async () => {
    const data = row();
    const held = await alreadyHere(importer, data, 'restrict_to_org');
    const other = await alreadyHere(importer, row({ firstName: 'Zawadi' }), 'restrict_to_org');
    const link = await client(intake.url, colleague).post('/participants/links', {
      participantIds: [held, other],
      survivingParticipantId: held,
      reason: 'Same person, two intakes',
    });
    expect(link.status).toBe(201);
    await imported(data);

    expect(await outcomeOf(data.personalId)).toMatchObject({
      outcome: 'taken_in',
      linkedToParticipantId: null,
    });
    expect(await linksOf(held)).toHaveLength(1);
  });

  it('the same row announced again does nothing, under a new event as under the same one', async () => {
    const data = row();
    const first = await imported(data);
    await imported({ ...data, importId: randomUUID() });
    const channel = intake.service.ctx.broker.publisher!;
    channel.publish(intake.exchange, first.type, Buffer.from(JSON.stringify(first)), {
      messageId: first.id,
    });
    await channel.waitForConfirms();
    await imported(row()); // a later row handled: the redelivery before it was too (prefetch 1)

    expect(await recordsNamed(data.lastName)).toHaveLength(1);
    await outcomeOf(data.personalId);
  });

  it('a row without a birth date, or an importer whose roles write no client, is recorded as not taken in', async () => {
    const undated = row({ birthDate: null });
    await imported(undated);
    const funder = testActor({ roles: ['contract_manager'], orgId: importer.orgId });
    const byFunder = row({ importerRoles: funder.roles });
    await imported(byFunder, { orgId: funder.orgId, actor: { userId: funder.userId, name: 'F' } });

    expect(await outcomeOf(undated.personalId)).toMatchObject({
      outcome: 'not_taken_in',
      participantId: null,
      reason: 'No birth date',
    });
    expect(await outcomeOf(byFunder.personalId)).toMatchObject({ outcome: 'not_taken_in' });
    expect(await recordsNamed(undated.lastName)).toHaveLength(0);
    expect(await recordsNamed(byFunder.lastName)).toHaveLength(0);
  });

  it('a malformed row is parked in the dead-letter queue and nothing of it is written', async () => {
    const data = row();
    const event = createEvent(HmisClientImported, { ...byImporter, data });
    const broken = { ...event, data: { ...event.data, birthDate: '02/04/1990', extra: 'x' } };
    const channel = intake.service.ctx.broker.publisher!;
    channel.publish(intake.exchange, event.type, Buffer.from(JSON.stringify(broken)), {
      messageId: event.id,
    });
    await channel.waitForConfirms();

    await waitFor(async () => (await parked()) === 1, 10_000, 'the row to be parked');
    expect(await recordsNamed(data.lastName)).toHaveLength(0);
    const { rowCount } = await intake.pool.query(
      'SELECT 1 FROM imported_clients WHERE personal_id = $1',
      [data.personalId],
    );
    expect(rowCount).toBe(0);
  });
});

async function parked(): Promise<number> {
  const connection = await amqp.connect(process.env.AMQP_URL!);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(`${intake.queuePrefix}intake.hmis-imports.dlq`)).messageCount;
  } finally {
    await connection.close();
  }
}
