import { randomUUID } from 'node:crypto';
import {
  HmisClientImported,
  HmisClientMatched,
  ParticipantCreated,
  ParticipantUpdated,
  type HmisClient,
} from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, startIntake } from './harness';

/**
 * An imported client's disabling condition (3.08, the answer reporting read from its enrollments)
 * goes into the new participant intake takes in, and so into its participant event; a record
 * already here that the new one is linked to keeps its own answer.
 */
let intake: Awaited<ReturnType<typeof startIntake>>;
const importer = testActor({ roles: ['caseworker'], name: 'Ines Importer' });

beforeAll(async () => {
  intake = await startIntake({ clock: () => new Date('2026-12-01T12:00:00Z') });
});
afterAll(() => intake.close());

const row = (fields: Partial<HmisClient> = {}): HmisClient => ({
  importId: randomUUID(),
  exportId: 'EXP-2026-12',
  personalId: randomUUID().replace(/-/g, ''),
  importerRoles: importer.roles,
  firstName: 'Dora',
  middleName: null,
  lastName: `Onward${Math.random().toString(36).slice(2, 8)}`,
  birthDate: '1984-06-07',
  sex: 'female',
  race: [],
  veteranStatus: 'no',
  ssnRefused: false,
  ...fields,
});
const imported = (data: HmisClient) =>
  intake.publish(HmisClientImported, data, {
    orgId: importer.orgId,
    actor: { userId: importer.userId, name: 'Ines' },
  });
const matchedOf = async (personalId: string) =>
  (await outboxEvents(intake.pool, HmisClientMatched)).find(
    (e) => e.data.personalId === personalId,
  )!.data;
const createdOf = async (participantId: string) =>
  (await outboxEvents(intake.pool, ParticipantCreated)).filter(
    (e) => e.data.participantId === participantId,
  );
const demographicsOf = async (participantId: string) =>
  (await client(intake.url, importer).get(`/participants/${participantId}`)).body.demographics;

test("a client taken in holds the sender's answer, and its participant event carries it", async () => {
  const data = row({ disablingCondition: 'yes' });
  await imported(data);
  const matched = await matchedOf(data.personalId);
  expect(matched).toMatchObject({ outcome: 'taken_in' });
  const id = matched.participantId!;
  expect(await demographicsOf(id)).toEqual({ veteranStatus: 'no', disablingCondition: 'yes' });
  const created = await createdOf(id);
  expect(created).toHaveLength(1);
  expect(created[0]!.data.disablingCondition).toBe('yes');
});

test('a client announced without one (none collected, or an older event) holds none', async () => {
  const data = row({ veteranStatus: null });
  await imported(data);
  const id = (await matchedOf(data.personalId)).participantId!;
  expect(await demographicsOf(id)).toBeNull();
  expect((await createdOf(id))[0]!.data.disablingCondition).toBeNull();
});

test('linked to a record already here: the new record holds it, the one already here is not changed', async () => {
  const data = row({ disablingCondition: 'refused' });
  const here = await client(intake.url, importer).post('/participants', {
    firstName: data.firstName,
    lastName: data.lastName,
    birthDate: data.birthDate,
    sex: data.sex,
    demographics: { disablingCondition: 'no' },
    confirmNew: true,
  });
  expect(here.status).toBe(201);
  await imported(data);
  const matched = await matchedOf(data.personalId);
  // same name 55 + same birth date 30 = 85: confident, so linked
  expect(matched).toMatchObject({ outcome: 'linked', linkedToParticipantId: here.body.id });
  expect((await createdOf(matched.participantId!))[0]!.data.disablingCondition).toBe('refused');
  expect(await demographicsOf(here.body.id)).toEqual({ disablingCondition: 'no' });
  const updated = (await outboxEvents(intake.pool, ParticipantUpdated)).filter(
    (e) => e.data.participantId === here.body.id,
  );
  expect(updated).toEqual([]);
});
