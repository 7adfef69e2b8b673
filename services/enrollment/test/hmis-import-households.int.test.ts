import { randomUUID } from 'node:crypto';
import {
  EnrollmentMemberAdded,
  HmisClientMatched,
  HmisEnrollmentImported,
  HmisEnrollmentSettled,
  SharingStateChanged,
} from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import {
  client,
  counts,
  daysAgo,
  introduce,
  participantFacts,
  sharingState,
  startEnrollment,
  type Harness,
} from './harness';
import { enrollmentRowCounts, exportIds, importFixtures } from './hmis-import-fixtures';

/**
 * An imported household member (RelationshipToHoH 2..5) joins its head's imported enrollment,
 * found by HouseholdID in the same organization's export, whichever of the head, the member and
 * intake's answers arrives first.
 */
const orgA = randomUUID();
const orgB = randomUUID();
const importer = testActor({ orgId: orgA, roles: ['caseworker'], name: 'Ines' });
const from = { orgId: orgA, actor: { userId: importer.userId, name: 'Ines' } };
const { imported, matched } = importFixtures(randomUUID());
const newExport = exportIds();

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

async function takenIn(orgId = orgA): Promise<string> {
  const facts = participantFacts(orgId);
  await introduce(h, facts);
  return facts.participantId;
}
const importRow = async (exportId: string, enrollmentId: string) =>
  (
    await h.pool.query(
      `SELECT state, reason, recorded_as AS "recordedAs" FROM hmis_import_enrollments
       WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3`,
      [orgA, exportId, enrollmentId],
    )
  ).rows[0];
const shown = async (enrollmentId: string) =>
  (await client(h.url, importer).get(`/enrollments/${enrollmentId}`)).body;
const membersOf = (e: { members: Array<{ participantId: string; relationship: string | null }> }) =>
  e.members.map((m) => ({ participantId: m.participantId, relationship: m.relationship }));

/** A head (HH1) and its child (HUD 2) of one household: the four events in a given order. */
async function household(order: Array<'head' | 'member' | 'headMatch' | 'memberMatch'>) {
  const exportId = newExport();
  const head = await takenIn();
  const child = await takenIn();
  const events = {
    head: () =>
      h.publish(
        HmisEnrollmentImported,
        imported(exportId, 'E1', 'C1', { householdId: 'HH1' }),
        from,
      ),
    member: () =>
      h.publish(
        HmisEnrollmentImported,
        imported(exportId, 'E2', 'C2', { householdId: 'HH1', relationshipToHoH: 2 }),
        from,
      ),
    headMatch: () => h.publish(HmisClientMatched, matched(exportId, 'C1', head), from),
    memberMatch: () => h.publish(HmisClientMatched, matched(exportId, 'C2', child), from),
  };
  for (const step of order) await events[step]();
  return { exportId, head, child, events };
}

describe('an imported member joins its head’s imported enrollment', () => {
  it.each([
    ['the head and its answer first', ['head', 'headMatch', 'member', 'memberMatch']],
    ['the member and its answer first', ['member', 'memberMatch', 'head', 'headMatch']],
    [
      'the answers first, the member before the head',
      ['memberMatch', 'headMatch', 'member', 'head'],
    ],
    ['the member’s answer last', ['member', 'head', 'headMatch', 'memberMatch']],
  ] as const)('as one enrollment with both: %s', async (_, order) => {
    const { exportId, head, child } = await household([...order]);
    const headRow = await importRow(exportId, 'E1');
    expect(headRow).toMatchObject({ state: 'recorded' });
    // the member's row is settled as the head's enrollment it joined
    expect(await importRow(exportId, 'E2')).toMatchObject({
      state: 'recorded',
      recordedAs: headRow.recordedAs,
      reason: null,
    });
    const enrollment = await shown(headRow.recordedAs);
    expect(enrollment.headParticipantId).toBe(head);
    expect(membersOf(enrollment)).toEqual([
      { participantId: head, relationship: expect.anything() },
      { participantId: child, relationship: 'child' },
    ]);
    const added = (await outboxEvents(h.pool, EnrollmentMemberAdded)).filter(
      (e) => e.data.enrollmentId === headRow.recordedAs,
    );
    expect(added.map((e) => e.data.participantId)).toEqual([child]);
    // each settled once and told to reporting: both recorded as the one enrollment
    const settled = (await outboxEvents(h.pool, HmisEnrollmentSettled)).filter(
      (e) => e.data.exportId === exportId,
    );
    expect(
      settled.map((e) => [
        e.data.enrollmentId,
        e.data.outcome,
        e.data.outcome === 'recorded' ? e.data.recordedAs : null,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['E1', 'recorded', headRow.recordedAs],
        ['E2', 'recorded', headRow.recordedAs],
      ]),
    );
    expect(settled).toHaveLength(2);
  });

  it('a replay of any of the household’s events changes nothing', async () => {
    const { exportId, events } = await household(['head', 'headMatch', 'member', 'memberMatch']);
    const before = await counts(h);
    const row = await importRow(exportId, 'E2');
    for (const replay of [events.member, events.memberMatch, events.head, events.headMatch])
      await replay();
    expect(await counts(h)).toEqual(before);
    expect(await importRow(exportId, 'E2')).toEqual(row);
  });

  it('HUD’s relationships in our words: 3 spouse, 4 another relative, 5 no relation', async () => {
    const exportId = newExport();
    const head = await takenIn();
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E1', 'C1', { householdId: 'H' }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C1', head), from);
    const joined: Record<string, string> = {};
    for (const [code, id] of [
      [3, 'E3'],
      [4, 'E4'],
      [5, 'E5'],
    ] as const) {
      const person = await takenIn();
      joined[person] = id;
      await h.publish(HmisClientMatched, matched(exportId, `C${id}`, person), from);
      await h.publish(
        HmisEnrollmentImported,
        imported(exportId, id, `C${id}`, { householdId: 'H', relationshipToHoH: code }),
        from,
      );
    }
    const enrollment = await shown((await importRow(exportId, 'E1')).recordedAs);
    const relationOf = Object.fromEntries(
      membersOf(enrollment).map((m) => [joined[m.participantId] ?? 'head', m.relationship]),
    );
    expect(relationOf).toMatchObject({ E3: 'spouse', E4: 'other_relative', E5: 'non_relative' });
  });

  it('a member stays pending until intake has answered for it', async () => {
    const { exportId } = await household(['head', 'headMatch', 'member']);
    expect(await importRow(exportId, 'E2')).toMatchObject({ state: 'pending' });
  });
});

describe('an imported member refused, with the reason kept', () => {
  it('its head’s enrollment refused: the member is refused naming it', async () => {
    const exportId = newExport();
    const child = await takenIn();
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E2', 'C2', { householdId: 'HH', relationshipToHoH: 2 }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C2', child), from);
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E1', 'C1', { householdId: 'HH' }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C1', null), from);
    expect(await importRow(exportId, 'E2')).toMatchObject({
      state: 'refused',
      reason: 'The head’s enrollment (EnrollmentID E1) was refused',
    });
    const settled = (await outboxEvents(h.pool, HmisEnrollmentSettled)).find(
      (e) => e.data.exportId === exportId && e.data.enrollmentId === 'E2',
    );
    expect(settled?.data).toMatchObject({
      outcome: 'refused',
      reason: 'The head’s enrollment (EnrollmentID E1) was refused',
    });
  });

  it('a member another organization keeps restricted is refused, nothing added', async () => {
    const exportId = newExport();
    const head = await takenIn();
    const stranger = await takenIn(orgB);
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E1', 'C1', { householdId: 'HH' }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C1', head), from);
    const before = await enrollmentRowCounts(h);
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E2', 'C2', { householdId: 'HH', relationshipToHoH: 4 }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C2', stranger), from);
    const row = await importRow(exportId, 'E2');
    expect(row).toMatchObject({
      state: 'refused',
      recordedAs: null,
      // answered as if the person were not here: nothing of them leaks into the import's report
      reason: 'The participant was not found.',
    });
    expect(await enrollmentRowCounts(h)).toEqual(before);
    expect(membersOf(await shown((await importRow(exportId, 'E1')).recordedAs))).toHaveLength(1);
  });

  it('a member whose release to the importer expired yesterday is refused, nothing added', async () => {
    const exportId = newExport();
    const head = await takenIn();
    const member = participantFacts(orgB, { securityRestriction: 'share_mou' });
    await introduce(h, member);
    const release = { releaseId: randomUUID(), toOrgId: orgA, beginDate: daysAgo(200) };
    await h.publish(
      SharingStateChanged,
      sharingState(member, {
        releases: [{ ...release, endDate: daysAgo(1), revokedAt: null }],
        sharingVersion: 2,
      }),
    );
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E1', 'C1', { householdId: 'HH' }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C1', head), from);
    const before = await enrollmentRowCounts(h);
    await h.publish(HmisClientMatched, matched(exportId, 'C2', member.participantId), from);
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E2', 'C2', { householdId: 'HH', relationshipToHoH: 3 }),
      from,
    );
    expect(await importRow(exportId, 'E2')).toMatchObject({
      state: 'refused',
      recordedAs: null,
      // answered as if the person were not here: nothing of them leaks into the import's report
      reason: 'The participant was not found.',
    });
    expect(await enrollmentRowCounts(h)).toEqual(before);
  });

  it('a relation HUD did not collect (99) joins no one', async () => {
    const { exportId } = await household(['head', 'headMatch']);
    const person = await takenIn();
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E9', 'C9', { householdId: 'HH1', relationshipToHoH: 99 }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C9', person), from);
    expect(await importRow(exportId, 'E9')).toMatchObject({
      state: 'refused',
      reason: 'RelationshipToHoH 99 names no relation to the head',
    });
  });
});
