import { randomUUID } from 'node:crypto';
import { MasterAssessmentCompleted } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { addDays, dateOf } from '@hearth/time';
import { client, createParticipant, startIntake } from './harness';

/**
 * Who may put a participant into a master assessment: the shared gate decides, as for every
 * participant record. An organization a share_mou participant released their data to may name
 * them while the release is in force; expired or revoked, the participant is not found.
 */
const owner = testActor({ roles: ['caseworker'] });
const partner = testActor({ roles: ['caseworker'] });
const today = dateOf(new Date());
const noIncome = { incomeBenefits: { incomeFromAnySource: 0 } };

let intake: Awaited<ReturnType<typeof startIntake>>;
beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake?.close());

async function releasedParticipant(beginDate: string, endDate: string) {
  const id = await createParticipant(intake.url, owner, {
    firstName: 'Layla',
    lastName: 'Karimi',
    birthDate: '1985-03-04',
    sex: 'female',
    securityRestriction: 'share_mou',
  });
  const granted = await client(intake.url, owner).post(`/participants/${id}/releases`, {
    toOrgId: partner.orgId,
    beginDate,
    endDate,
    signedBy: 'Layla Karimi',
  });
  if (granted.status !== 201) throw new Error(JSON.stringify(granted.body));
  return id;
}
const startAs = async (as: typeof owner) =>
  (await client(intake.url, as).post('/workflows/intake_assessment', { title: 'Karimi' })).body
    .id as string;
const assessmentOf = (participantId: string) => ({
  enrollmentId: randomUUID(),
  members: [{ participantId, elements: noIncome }],
});

describe('who may name a participant in a master assessment', () => {
  it('refuses a participant whose release to the organization has expired, as not found', async () => {
    const expired = await releasedParticipant(addDays(today, -60), addDays(today, -1));
    const active = await releasedParticipant(today, addDays(today, 30));
    const wf = await startAs(partner);
    const save = (id: string) =>
      client(intake.url, partner).put(`/workflows/intake_assessment/${wf}/steps/assessment`, {
        data: assessmentOf(id),
      });
    expect((await save(expired)).status).toBe(404);
    expect(
      (await client(intake.url, partner).get(`/workflows/intake_assessment/${wf}`)).body.steps,
    ).toEqual({});
    // the same organization with a release in force may (MOU partners work on the record)
    expect((await save(active)).status).toBe(200);
  });

  it("refuses to finish once a member's release has ended meanwhile; nothing announced", async () => {
    const id = await releasedParticipant(today, addDays(today, 30));
    const wf = await startAs(partner);
    const api = client(intake.url, partner);
    await api.put(`/workflows/intake_assessment/${wf}/steps/assessment`, {
      data: assessmentOf(id),
    });
    const releases = await client(intake.url, owner).get(`/participants/${id}/releases`);
    const releaseId = releases.body.items[0].releaseId as string;
    await client(intake.url, owner).post(`/participants/${id}/releases/${releaseId}/revoke`);
    const finished = await api.post(`/workflows/intake_assessment/${wf}/finish`);
    expect(finished.status).toBe(404);
    expect((await api.get(`/workflows/intake_assessment/${wf}`)).status).toBe(404);
    const announced = await outboxEvents(intake.pool, MasterAssessmentCompleted);
    expect(announced.filter((e) => e.data.workflowId === wf)).toEqual([]);
    const draft = await intake.pool.query('SELECT status FROM workflow_drafts WHERE id = $1', [wf]);
    expect(draft.rows[0].status).toBe('in_progress');
  });
});
