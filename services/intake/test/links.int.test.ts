import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { outboxEvents, rowCounts, testActor } from '@hearth/testkit';
import { scanForDuplicates } from '../src/use-cases/scan-for-duplicates';
import { client, createParticipant, startIntake } from './harness';

/** Linking two records as one person, and its undo: neither record changes, access never widens. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const agency = testActor({ roles: ['supervisor'] });
const worker = testActor({ roles: ['caseworker'], orgId: agency.orgId });
const partner = testActor({ roles: ['supervisor'] });
const stranger = testActor({ roles: ['supervisor'] });
const linkTables = ['person_links', 'linked_records', 'participant_history', 'outbox'];

const amina = { firstName: 'Amina', lastName: 'Okafor', birthDate: '1985-02-11', sex: 'female' };
let older: string; // the record of the agency, kept as the person's identity
let newer: string;
let partnerOnly: string; // the partner's own record, restricted to it
let before: unknown[]; // both records as they were before the link

beforeAll(async () => {
  intake = await startIntake();
  older = await createParticipant(intake.url, agency, { ...amina, ssn: '123-45-6789' });
  newer = await createParticipant(intake.url, agency, { ...amina, firstName: 'Aminah' });
  partnerOnly = await createParticipant(intake.url, partner, amina);
  // the partner sees the agency's older record (shared with every agency), not the other way round
  const shared = await client(intake.url, agency).put(`/participants/${older}/sharing`, {
    securityRestriction: 'share_global',
  });
  expect(shared.status).toBe(200);
});
afterAll(() => intake.close());

const api = (actor = agency) => client(intake.url, actor);
const link = (body: object, actor = agency) => api(actor).post('/participants/links', body);

describe('linking two records as one person', () => {
  it('links without changing either record, both ids answering with the person', async () => {
    before = [
      (await api().get(`/participants/${older}`)).body,
      (await api().get(`/participants/${newer}`)).body,
    ];
    const res = await link({
      participantIds: [newer, older],
      survivingParticipantId: older,
      reason: 'Same person: the SSN card in the file',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personId: older,
      survivingParticipantId: older,
      participantIds: [older, newer],
      reason: 'Same person: the SSN card in the file',
      linkedBy: agency.userId,
      linkedOrgId: agency.orgId,
      unlinkedAt: null,
    });
    // neither record changed: the same body, the same version
    expect((await api().get(`/participants/${older}`)).body).toEqual(before[0]);
    expect((await api().get(`/participants/${newer}`)).body).toEqual(before[1]);
    // the old id points to the person, whose identity is the surviving record's
    const person = await api().get(`/participants/${newer}/person`);
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ personId: older, participantIds: [older, newer] });
    expect(person.body.identity).toMatchObject({
      id: older,
      firstName: 'Amina',
      ssn: '6789',
    });
    const [event] = await outboxEvents(intake.pool, PersonLinked);
    expect(event).toMatchObject({
      orgId: agency.orgId,
      actor: { userId: agency.userId },
      data: { linkId: res.body.linkId, personId: older, participantIds: [older, newer] },
    });
    const history = await api().get(`/participants/${newer}/history`);
    expect(history.body.items[0]).toMatchObject({
      field: 'personLink',
      changedBy: agency.userId,
      newValue: { linkId: res.body.linkId, personId: older },
    });
  });

  it('never widens access: an organization seeing one record of the person sees that record alone', async () => {
    const person = await api(partner).get(`/participants/${older}/person`);
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ personId: older, participantIds: [older], link: null });
    expect(JSON.stringify(person.body)).not.toContain(newer);
    expect((await api(partner).get(`/participants/${newer}/person`)).status).toBe(404);
  });

  it('refuses two records of one person linked again, leaving nothing written', async () => {
    const before = await rowCounts(intake.pool, linkTables);
    const res = await link({
      participantIds: [newer, older],
      survivingParticipantId: newer,
      reason: 'again',
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('participantIds');
    expect(await rowCounts(intake.pool, linkTables)).toEqual(before);
  });

  it('answers 404, audited, to an organization that can see only one of the two records', async () => {
    const before = await rowCounts(intake.pool, linkTables);
    const res = await link(
      { participantIds: [partnerOnly, older], survivingParticipantId: partnerOnly, reason: 'Same' },
      stranger,
    );
    expect(res.status).toBe(404);
    const fromAgency = await link({
      participantIds: [older, partnerOnly],
      survivingParticipantId: older,
      reason: 'Same',
    });
    expect(fromAgency.status).toBe(404);
    await new Promise((r) => setTimeout(r, 100)); // denials are written after the answer
    const { rows } = await intake.pool.query(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND org_id = $2',
      [partnerOnly, agency.orgId],
    );
    expect(rows.map((r) => r.reason)).toContain('restricted_to_org');
    expect(await rowCounts(intake.pool, linkTables)).toEqual(before);
  });

  it('is a supervisor’s decision, and names the field at fault', async () => {
    const body = { participantIds: [older, newer], survivingParticipantId: older, reason: 'x' };
    expect((await link(body, worker)).status).toBe(403);
    const self = await link({
      participantIds: [older, older.toUpperCase()],
      survivingParticipantId: older,
      reason: 'x',
    });
    expect(self.status).toBe(422);
    expect(self.body.errors[0].field).toBe('participantIds.1');
    const outside = await link({
      participantIds: [older, newer],
      survivingParticipantId: partnerOnly,
      reason: 'x',
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].field).toBe('survivingParticipantId');
    const noReason = await link({ participantIds: [older, newer], survivingParticipantId: older });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
  });

  it('leaves the pair out of the suspected duplicates while linked, back after the undo', async () => {
    await scanForDuplicates({ pool: intake.pool, clock: () => new Date() });
    const pairs = async () =>
      (await api().get('/participants/duplicates')).body.items.map(
        (p: { participants: Array<{ id: string }> }) =>
          p.participants
            .map((s) => s.id)
            .sort()
            .join('+'),
      );
    const pair = [older, newer].sort().join('+');
    expect(await pairs()).not.toContain(pair);
    const [linked] = await outboxEvents(intake.pool, PersonLinked);
    const undo = await api().post(`/participants/links/${linked.data.linkId}/undo`, {
      reason: 'Checked: sisters',
    });
    expect(undo.status).toBe(200);
    expect(await pairs()).toContain(pair);
  });

  it('undoes a link exactly: both records as they were, each a person of its own, announced once', async () => {
    const [linked] = await outboxEvents(intake.pool, PersonLinked);
    const undone = (
      await intake.pool.query('SELECT * FROM person_links WHERE id = $1', [linked.data.linkId])
    ).rows[0];
    expect(undone).toMatchObject({ unlinked_by: agency.userId, unlink_reason: 'Checked: sisters' });
    expect((await api().get(`/participants/${older}`)).body).toEqual(before[0]);
    expect((await api().get(`/participants/${newer}`)).body).toEqual(before[1]);
    for (const id of [older, newer]) {
      const person = await api().get(`/participants/${id}/person`);
      expect(person.body).toMatchObject({ personId: id, participantIds: [id], link: null });
    }
    const events = await outboxEvents(intake.pool, PersonUnlinked);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      linkId: linked.data.linkId,
      participantIds: [older, newer],
    });
    const again = await api().post(`/participants/links/${linked.data.linkId}/undo`, {
      reason: 'x',
    });
    expect(again.status).toBe(409);
    // the records may be linked again afterwards, the other way round
    const relinked = await link({
      participantIds: [older, newer],
      survivingParticipantId: newer,
      reason: 'Yes, same',
    });
    expect(relinked.status).toBe(201);
    expect(relinked.body.personId).toBe(newer);
  });

  it('links a pair once when two supervisors link it at the same moment', async () => {
    const one = await createParticipant(intake.url, agency, amina);
    const two = await createParticipant(intake.url, agency, amina);
    const answers = await Promise.all([
      link({ participantIds: [one, two], survivingParticipantId: one, reason: 'Same' }),
      link({ participantIds: [two, one], survivingParticipantId: two, reason: 'Same' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const { rows } = await intake.pool.query(
      'SELECT count(*)::int AS n FROM linked_records WHERE participant_id = $1',
      [one],
    );
    expect(rows[0].n).toBe(1);
  });

  it('answers 404 to an undo of a link unknown or not the actor’s to see', async () => {
    const [, relinked] = await outboxEvents(intake.pool, PersonLinked);
    const foreign = await api(stranger).post(`/participants/links/${relinked.data.linkId}/undo`, {
      reason: 'x',
    });
    expect(foreign.status).toBe(404);
    const unknown = await api().post(`/participants/links/${partnerOnly}/undo`, { reason: 'x' });
    expect(unknown.status).toBe(404);
  });
});

describe("the links' OpenAPI", () => {
  it('describes a pair of records as an array of exactly two ids (a tuple is no OpenAPI 3.1 schema)', async () => {
    const doc = (await (await fetch(`${intake.url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        { post?: { requestBody: { content: Record<string, { schema: unknown }> } } }
      >;
    };
    const body = doc.paths['/api/v1/participants/links']!.post!.requestBody.content[
      'application/json'
    ]!.schema as { properties: { participantIds: Record<string, unknown> } };
    expect(body.properties.participantIds).toMatchObject({
      type: 'array',
      minItems: 2,
      maxItems: 2,
      items: { type: 'string', format: 'uuid' },
    });
  });
});
