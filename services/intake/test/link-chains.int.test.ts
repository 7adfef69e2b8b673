import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { outboxEvents, rowCounts, testActor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/** Links followed further: a record linked to a record of a person joins the whole person. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const agency = testActor({ roles: ['supervisor'] });
const partner = testActor({ roles: ['supervisor'] });
const linkTables = ['person_links', 'linked_records', 'participant_history', 'outbox'];
const samir = { firstName: 'Samir', lastName: 'Haddad', birthDate: '1979-07-30', sex: 'male' };

let a: string; // the agency's, restricted to it (the intake default)
let b: string; // the agency's, shared with every agency
let c: string; // the agency's
let partnersOwn: string;
let firstLinkId: string; // A–B, A surviving
let secondLinkId: string; // C–B, C surviving

beforeAll(async () => {
  intake = await startIntake();
  a = await createParticipant(intake.url, agency, samir);
  b = await createParticipant(intake.url, agency, { ...samir, firstName: 'Sameer' });
  c = await createParticipant(intake.url, agency, { ...samir, firstName: 'Samír' });
  partnersOwn = await createParticipant(intake.url, partner, samir);
  const shared = await client(intake.url, agency).put(`/participants/${b}/sharing`, {
    securityRestriction: 'share_global',
  });
  expect(shared.status).toBe(200);
  const first = await link([a, b], a);
  expect(first.status).toBe(201);
  firstLinkId = first.body.linkId;
});
afterAll(() => intake.close());

const api = (actor = agency) => client(intake.url, actor);
const link = (participantIds: string[], survivingParticipantId: string, actor = agency) =>
  api(actor).post('/participants/links', {
    participantIds,
    survivingParticipantId,
    reason: 'Same man: the same I-94 number',
  });
const personOf = async (id: string) => (await api().get(`/participants/${id}/person`)).body;

describe('a chain of links is one person', () => {
  it('refuses, 404 and audited, to join a person holding a record the actor may not change', async () => {
    // the partner may change B (shared with every agency) and its own record, never A
    const before = await rowCounts(intake.pool, linkTables);
    const res = await link([partnersOwn, b], partnersOwn, partner);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(a);
    expect(await rowCounts(intake.pool, linkTables)).toEqual(before);
    await new Promise((r) => setTimeout(r, 100)); // denials are written after the answer
    const { rows } = await intake.pool.query(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND org_id = $2',
      [a, partner.orgId],
    );
    expect(rows.map((r) => r.reason)).toContain('restricted_to_org');
  });

  it('linking C to B when A–B are linked makes A, B and C one person, under the newest identity', async () => {
    const res = await link([c, b], c);
    expect(res.status).toBe(201);
    secondLinkId = res.body.linkId;
    expect(res.body).toMatchObject({ personId: c, participantIds: [c, b] });
    // the identity first, then each record as it joined: A–B (oldest), then C–B
    for (const id of [a, b, c]) {
      const person = await personOf(id);
      expect(person).toMatchObject({ personId: c, participantIds: [c, a, b] });
      expect(person.identity).toMatchObject({ id: c, firstName: 'Samír' });
      expect(person.link.linkId).toBe(secondLinkId);
      expect(person.links.map((l: { linkId: string }) => l.linkId)).toEqual([
        firstLinkId,
        secondLinkId,
      ]);
    }
    const [, event] = await outboxEvents(intake.pool, PersonLinked);
    expect(event!.data).toMatchObject({ linkId: secondLinkId, participantIds: [c, b] });
  });

  it('refuses to link two records of one person again, even the ends of the chain', async () => {
    const before = await rowCounts(intake.pool, linkTables);
    for (const pair of [
      [a, c],
      [c, a],
      [b, a],
    ]) {
      const res = await link(pair, pair[0]!);
      expect(res.status).toBe(409);
      expect(res.body.errors[0]).toMatchObject({ field: 'participantIds' });
    }
    expect(await rowCounts(intake.pool, linkTables)).toEqual(before);
  });

  it('an organization that sees only B of the person sees B alone', async () => {
    const person = await api(partner).get(`/participants/${b}/person`);
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ personId: b, participantIds: [b], link: null, links: [] });
    expect(JSON.stringify(person.body)).not.toContain(c);
  });

  it('leaves a suspected pair of the chain’s ends out of the duplicates while one person', async () => {
    const [lo, hi] = [a, c].sort();
    await intake.pool.query(
      `INSERT INTO suspected_duplicates (participant_a, participant_b, score, reasons, found_at)
       VALUES ($1, $2, 80, ARRAY['same_birth_date'], now())`,
      [lo, hi],
    );
    const pairs = async () =>
      (await api().get('/participants/duplicates')).body.items.map(
        (p: { participants: Array<{ id: string }> }) => p.participants.map((s) => s.id).join('+'),
      );
    expect(await pairs()).not.toContain(`${lo}+${hi}`);
    const undo = await api().post(`/participants/links/${secondLinkId}/undo`, {
      reason: 'C is his brother',
    });
    expect(undo.status).toBe(200);
    expect(await pairs()).toContain(`${lo}+${hi}`);
  });

  it('undoing one link of the chain splits exactly that link: A–B stay one person, C alone', async () => {
    expect(await personOf(a)).toMatchObject({ personId: a, participantIds: [a, b] });
    expect((await personOf(b)).identity).toMatchObject({ id: a, firstName: 'Samir' });
    expect(await personOf(c)).toMatchObject({ personId: c, participantIds: [c], link: null });
    const events = await outboxEvents(intake.pool, PersonUnlinked);
    expect(events.map((e) => e.data.linkId)).toEqual([secondLinkId]);
  });

  it('joins a record once when two supervisors link across two persons at the same moment', async () => {
    // persons {A, B} and {C, D}: A–C and B–D together would be one person linked twice over
    const d = await createParticipant(intake.url, agency, samir);
    expect((await link([c, d], c)).status).toBe(201);
    const answers = await Promise.all([link([a, c], a), link([b, d], b)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await personOf(d)).participantIds.sort()).toEqual([a, b, c, d].sort());
    // whichever link won (A–C or B–D), the four records hold three live links, not four
    const { rows } = await intake.pool.query(
      'SELECT count(*)::int AS n FROM person_links WHERE unlinked_at IS NULL AND (surviving_participant_id = ANY($1::uuid[]) OR linked_participant_id = ANY($1::uuid[]))',
      [[a, b, c, d]],
    );
    expect(rows[0].n).toBe(3); // A–B, C–D and the one winner
  });
});
