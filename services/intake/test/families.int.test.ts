import { FamilyChanged } from '@hearth/events';
import { outboxEvents, rowCounts, testActor, waitFor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/** Families end to end on real Postgres: heads, households, history, access and FamilyChanged events. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const worker = testActor({ roles: ['caseworker'] });
const otherOrg = testActor({ roles: ['caseworker'] });
const today = new Date().toISOString().slice(0, 10);
const api = () => client(intake.url, worker);
const query = async (sql: string, params: unknown[] = []) =>
  (await intake.service.ctx.pool.query(sql, params)).rows;

beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake.close());

const person = (firstName: string, actor = worker, securityRestriction = 'restrict_to_org') =>
  createParticipant(intake.url, actor, {
    firstName,
    lastName: 'Household',
    birthDate: '1988-03-14',
    sex: 'unknown',
    securityRestriction,
  });
async function family(headParticipantId: string, members: object[] = []) {
  const res = await api().post('/families', { headParticipantId, members });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
/** The FamilyChanged snapshots intake recorded for a family, oldest first. */
const events = async (familyId: string) =>
  (await outboxEvents(intake.pool, FamilyChanged))
    .map((e) => e.data)
    .filter((data) => data.familyId === familyId);
const counts = () => rowCounts(intake.pool, ['families', 'family_members', 'outbox']);
const historyOf = async (id: string) =>
  (await api().get(`/participants/${id}/families`)).body.items;

describe('creating a family', () => {
  it('creates the head and members, and announces the snapshot in the outbox', async () => {
    const [amina, omar, zahra] = [
      await person('Amina'),
      await person('Omar'),
      await person('Zahra'),
    ];
    const res = await api().post('/families', {
      headParticipantId: amina,
      members: [
        { participantId: omar, relationship: 'spouse' },
        { participantId: zahra, relationship: 'child' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/families/${res.body.id}`);
    const read = await api().get(`/families/${res.body.id}`);
    expect(read.body).toMatchObject({ headParticipantId: amina, createdByOrg: worker.orgId });
    expect(read.body.members).toEqual([
      expect.objectContaining({
        participantId: amina,
        relationship: 'head_of_household',
        firstName: 'Amina',
      }),
      expect.objectContaining({ participantId: omar, relationship: 'spouse', joinedOn: today }),
      expect.objectContaining({
        participantId: zahra,
        relationship: 'child',
        leftOn: null,
        isCurrentFamily: true,
      }),
    ]);
    expect(await events(res.body.id)).toEqual([
      {
        familyId: res.body.id,
        headParticipantId: amina,
        members: [
          { participantId: amina, relationship: 'head_of_household', isCurrentFamily: true },
          { participantId: omar, relationship: 'spouse', isCurrentFamily: true },
          { participantId: zahra, relationship: 'child', isCurrentFamily: true },
        ],
        removedParticipantIds: [],
      },
    ]);
  });

  it.each([
    [
      'without a head',
      (a: string, b: string) => ({
        members: [
          { participantId: a, relationship: 'child' },
          { participantId: b, relationship: 'child' },
        ],
      }),
      'headParticipantId',
    ],
    [
      'with two heads',
      (a: string, b: string) => ({
        headParticipantId: a,
        members: [{ participantId: b, relationship: 'head_of_household' }],
      }),
      'members.0.relationship',
    ],
    [
      'with a member twice',
      (a: string, b: string) => ({
        headParticipantId: a,
        members: [
          { participantId: b, relationship: 'child' },
          { participantId: b, relationship: 'sibling' },
        ],
      }),
      'members.1.participantId',
    ],
    [
      'with an unknown field',
      (a: string) => ({ headParticipantId: a, familyName: 'X' }),
      'familyName',
    ],
  ])(
    'refuses a family %s with 400 naming the field, writing nothing',
    async (_label, body, field) => {
      const [a, b] = [await person('Bashir'), await person('Chen')];
      const before = await counts();
      const res = await api().post('/families', body(a, b));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    },
  );

  it('lets neither another organization nor a read-only role create one', async () => {
    const own = await person('Dara', otherOrg);
    const hidden = await person('Eli');
    const before = await counts();
    expect(
      (
        await client(intake.url, otherOrg).post('/families', {
          headParticipantId: own,
          members: [{ participantId: hidden, relationship: 'child' }],
        })
      ).status,
    ).toBe(404);
    const funder = testActor({ orgId: worker.orgId, roles: ['contract_manager'] });
    expect(
      (await client(intake.url, funder).post('/families', { headParticipantId: hidden })).status,
    ).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('changing a household', () => {
  it('adds someone entered alone to another household as current family, leaving all others', async () => {
    const [fatima, yusuf, grandma] = [
      await person('Fatima'),
      await person('Yusuf'),
      await person('Grandma'),
    ];
    const alone = await family(grandma);
    const cousins = await family(yusuf, [{ participantId: grandma, relationship: 'grandparent' }]);
    const household = await family(fatima);
    // her own family stays current: joining the cousins' family did not take it away
    expect(
      (await historyOf(grandma)).map((s: { isCurrentFamily: boolean }) => s.isCurrentFamily),
    ).toEqual([false, true]);

    const res = await api().post(`/families/${household}/members`, {
      participantId: grandma,
      relationship: 'parent',
      leaveOtherFamilies: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isCurrentFamily: true, joinedOn: today });
    expect(res.body.leftFamilyIds.sort()).toEqual([alone, cousins].sort());

    const history = await historyOf(grandma);
    expect(history).toHaveLength(3);
    expect(history.find((s: { familyId: string }) => s.familyId === household)).toMatchObject({
      isCurrentFamily: true,
      leftOn: null,
      relationship: 'parent',
      head: { participantId: fatima, firstName: 'Fatima' },
    });
    for (const old of [alone, cousins])
      expect(history.find((s: { familyId: string }) => s.familyId === old)).toMatchObject({
        isCurrentFamily: false,
        leftOn: today,
      });
    // the family she headed alone ended; its last snapshot still names her, with nobody left
    expect((await events(alone)).at(-1)).toEqual({
      familyId: alone,
      headParticipantId: grandma,
      members: [],
      removedParticipantIds: [grandma],
    });
    expect((await events(cousins)).at(-1)).toMatchObject({
      headParticipantId: yusuf,
      members: [{ participantId: yusuf }],
      removedParticipantIds: [grandma],
    });
    expect((await events(household)).at(-1)?.members).toContainEqual({
      participantId: grandma,
      relationship: 'parent',
      isCurrentFamily: true,
    });

    const again = await api().post(`/families/${household}/members`, {
      participantId: grandma,
      relationship: 'parent',
    });
    expect(again.status).toBe(409);
  });

  it('keeps the other family when only making this one current', async () => {
    const [gul, hamid] = [await person('Gul'), await person('Hamid')];
    const first = await family(gul);
    const second = await family(await person('Idris'));
    await api().post(`/families/${first}/members`, {
      participantId: hamid,
      relationship: 'sibling',
    });
    expect(
      (
        await api().post(`/families/${second}/members`, {
          participantId: hamid,
          relationship: 'sibling',
        })
      ).status,
    ).toBe(201);
    expect(await historyOf(hamid)).toEqual([
      expect.objectContaining({ familyId: second, isCurrentFamily: true, leftOn: null }),
      expect.objectContaining({ familyId: first, isCurrentFamily: false, leftOn: null }),
    ]);
    expect((await events(first)).at(-1)?.members).toContainEqual({
      participantId: hamid,
      relationship: 'sibling',
      isCurrentFamily: false,
    });
  });

  it('refuses to take a head out of a family that still has members, and writes nothing', async () => {
    const [jamal, kid] = [await person('Jamal'), await person('Kid')];
    await family(jamal, [{ participantId: kid, relationship: 'child' }]);
    const other = await family(await person('Lina'));
    const before = await counts();
    const res = await api().post(`/families/${other}/members`, {
      participantId: jamal,
      relationship: 'spouse',
      leaveOtherFamilies: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('leaveOtherFamilies');
    expect(await counts()).toEqual(before);
  });

  it('changes the head; removes a member; never removes the head', async () => {
    const [maya, nasir, olga] = [await person('Maya'), await person('Nasir'), await person('Olga')];
    const id = await family(maya, [
      { participantId: nasir, relationship: 'spouse' },
      { participantId: olga, relationship: 'child' },
    ]);
    const notMember = await api().put(`/families/${id}/head`, {
      participantId: await person('Pavel'),
      previousHeadRelationship: 'spouse',
    });
    expect(notMember.status).toBe(409);
    const changed = await api().put(`/families/${id}/head`, {
      participantId: nasir,
      previousHeadRelationship: 'spouse',
    });
    expect(changed.status).toBe(200);
    const read = await api().get(`/families/${id}`);
    expect(read.body.headParticipantId).toBe(nasir);
    expect(
      read.body.members.find((m: { participantId: string }) => m.participantId === maya)
        .relationship,
    ).toBe('spouse');
    expect((await events(id)).at(-1)).toMatchObject({
      headParticipantId: nasir,
      removedParticipantIds: [],
    });

    const head = await api().delete(`/families/${id}/members/${nasir}`);
    expect(head.status).toBe(409);
    expect(head.body.detail).toMatch(/change the head first/);

    const removed = await api().delete(`/families/${id}/members/${olga}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ leftOn: today, isCurrentFamily: false });
    expect(
      (await api().get(`/families/${id}`)).body.members.map(
        (m: { participantId: string }) => m.participantId,
      ),
    ).toEqual([nasir, maya]);
    expect(await historyOf(olga)).toEqual([
      expect.objectContaining({
        familyId: id,
        leftOn: today,
        head: expect.objectContaining({ participantId: nasir }),
      }),
    ]);
    expect((await events(id)).at(-1)).toMatchObject({
      headParticipantId: nasir,
      removedParticipantIds: [olga],
    });
    expect((await api().delete(`/families/${id}/members/${olga}`)).status).toBe(404);
  });
});

describe('access', () => {
  it("hides another organization's family as not found, and audits the denial", async () => {
    const quinn = await person('Quinn');
    const id = await family(quinn);
    const res = await client(intake.url, otherOrg).get(`/families/${id}`);
    expect(res.status).toBe(404);
    // the denial is written after the answer, so it may land a moment later
    await waitFor(async () => {
      const denials = await query(
        'SELECT org_id, action FROM access_denials WHERE participant_id = $1',
        [quinn],
      );
      expect(denials).toEqual([{ org_id: otherOrg.orgId, action: 'read' }]);
      return true;
    });
    expect((await client(intake.url, otherOrg).get(`/participants/${quinn}/families`)).status).toBe(
      404,
    );
  });

  it('does not let another organization add its own participant into a family it cannot see', async () => {
    const id = await family(await person('Rahel'));
    const own = await person('Samir', otherOrg);
    const before = await counts();
    const res = await client(intake.url, otherOrg).post(`/families/${id}/members`, {
      participantId: own,
      relationship: 'child',
    });
    expect(res.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('shows another organization only the members it may see', async () => {
    const [tariq, umar] = [await person('Tariq'), await person('Umar', worker, 'share_global')];
    const id = await family(tariq, [{ participantId: umar, relationship: 'child' }]);
    const res = await client(intake.url, otherOrg).get(`/families/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.headParticipantId).toBeNull();
    expect(res.body.members.map((m: { participantId: string }) => m.participantId)).toEqual([umar]);
  });

  it("when another organization may see a shared member, it cannot pull them out of the owner's family", async () => {
    const [head, shared] = [await person('Vera'), await person('Wes', worker, 'share_global')];
    const owners = await family(head, [{ participantId: shared, relationship: 'child' }]);
    const theirs = await client(intake.url, otherOrg).post('/families', {
      headParticipantId: await person('Xena', otherOrg),
      members: [],
    });
    expect(theirs.status).toBe(201);
    const before = await counts();
    const res = await client(intake.url, otherOrg).post(`/families/${theirs.body.id}/members`, {
      participantId: shared,
      relationship: 'child',
      leaveOtherFamilies: true,
    });
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'leaveOtherFamilies' })]);
    expect(await counts()).toEqual(before);
    expect(
      (await historyOf(shared)).find((s: { familyId: string }) => s.familyId === owners),
    ).toMatchObject({ leftOn: null, isCurrentFamily: true });
  });

  it("when another organization may see a shared member, it cannot make another family their current one instead of the owner's", async () => {
    const [head, shared] = [await person('Yara'), await person('Zed', worker, 'share_global')];
    await family(head, [{ participantId: shared, relationship: 'child' }]);
    const theirs = await client(intake.url, otherOrg).post('/families', {
      headParticipantId: await person('Abe', otherOrg),
      members: [],
    });
    const before = await counts();
    const res = await client(intake.url, otherOrg).post(`/families/${theirs.body.id}/members`, {
      participantId: shared,
      relationship: 'child',
    });
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'makeCurrentFamily' })]);
    expect(await counts()).toEqual(before);
  });

  it('when another organization may see only a shared member, it cannot add its own participant to that family', async () => {
    const [head, shared] = [await person('Bo'), await person('Cal', worker, 'share_global')];
    const id = await family(head, [{ participantId: shared, relationship: 'child' }]);
    const own = await person('Dov', otherOrg);
    const before = await counts();
    const res = await client(intake.url, otherOrg).post(`/families/${id}/members`, {
      participantId: own,
      relationship: 'child',
    });
    expect(res.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('when another organization may see only a shared member, it cannot remove them from that family', async () => {
    const [head, shared] = [await person('Eli'), await person('Fay', worker, 'share_global')];
    const id = await family(head, [{ participantId: shared, relationship: 'child' }]);
    const before = await counts();
    const res = await client(intake.url, otherOrg).delete(`/families/${id}/members/${shared}`);
    expect(res.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
