import { MasterAssessmentCompleted } from '@hearth/events';
import { outboxEvents, rowCounts, testActor, waitFor } from '@hearth/testkit';
import {
  enrolledHousehold,
  projectStarts,
  startIntakeAndEnrollment,
  type Both,
} from './master-assessment-fixtures';
import { client, createParticipant } from './harness';

/**
 * Intake's master assessment on real intake and enrollment services over real RabbitMQ: the
 * workflow's assessment step keeps each member's HUD project-start answers while paused; finishing
 * announces them and enrollment records each member's project-start assessment, dated the entry.
 */
const worker = testActor({ roles: ['caseworker'] });
const stranger = testActor({ roles: ['caseworker'] }); // another organization

// earned $1,200.00 + SSI $943.00 a month: a total of $2,143.00, computed by enrollment
const headAnswers = {
  incomeBenefits: {
    incomeFromAnySource: 1,
    earned: 1,
    earnedAmountCents: 120_000,
    ssi: 1,
    ssiAmountCents: 94_300,
  },
  healthAndDv: { domesticViolenceSurvivor: 1, whenOccurred: 2, currentlyFleeing: 0 },
};
const spouseAnswers = { incomeBenefits: { incomeFromAnySource: 0 } };

let both: Both;
beforeAll(async () => {
  both = await startIntakeAndEnrollment();
});
afterAll(() => both?.close());

const wf = (as = worker) => {
  const api = client(both.intake.url, as);
  return {
    start: async () =>
      (await api.post('/workflows/intake_assessment', { title: 'Odhiambo household' })).body
        .id as string,
    save: (id: string, data: object) =>
      api.put(`/workflows/intake_assessment/${id}/steps/assessment`, { data }),
    get: (id: string) => api.get(`/workflows/intake_assessment/${id}`),
    pause: (id: string) => api.post(`/workflows/intake_assessment/${id}/pause`),
    resume: (id: string) => api.post(`/workflows/intake_assessment/${id}/resume`),
    finish: (id: string) => api.post(`/workflows/intake_assessment/${id}/finish`),
  };
};
const fieldsOf = (body: { errors?: Array<{ field: string }> }) =>
  (body.errors ?? []).map((e) => e.field);
const announced = async () => outboxEvents(both.intake.pool, MasterAssessmentCompleted);
/** Once enrollment has handled the workflow's announcement (its processed_events row). */
async function handledByEnrollment(workflowId: string) {
  const event = (await waitFor(async () =>
    (await announced()).find((e) => e.data.workflowId === workflowId),
  ))!;
  await waitFor(async () => {
    const { rowCount } = await both.enrollment.pool.query(
      'SELECT 1 FROM processed_events WHERE event_id = $1',
      [event.id],
    );
    return rowCount === 1;
  });
}

describe("intake's master assessment", () => {
  it('a paused and resumed intake keeps the assessment answers', async () => {
    const household = await enrolledHousehold(both, worker);
    const step = {
      enrollmentId: household.enrollmentId,
      members: [
        { participantId: household.head, elements: headAnswers },
        { participantId: household.spouse, elements: spouseAnswers },
      ],
    };
    const id = await wf().start();
    expect((await wf().save(id, step)).status).toBe(200);
    expect((await wf().pause(id)).body.status).toBe('paused');
    expect((await wf().resume(id)).body.status).toBe('in_progress');
    const resumed = await wf().get(id);
    expect(resumed.status).toBe(200);
    expect(resumed.body.steps.assessment).toEqual(step);
  });

  it("finishing records each member's project-start assessment, dated the entry", async () => {
    const household = await enrolledHousehold(both, worker, 12);
    const id = await wf().start();
    await wf().save(id, {
      enrollmentId: household.enrollmentId,
      restriction: 'mou',
      members: [
        { participantId: household.head, elements: headAnswers },
        { participantId: household.spouse, elements: spouseAnswers },
      ],
    });
    const finished = await wf().finish(id);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({
      status: 'finished',
      result: {
        masterAssessment: {
          enrollmentId: household.enrollmentId,
          participantIds: [household.head, household.spouse],
        },
      },
    });
    const recorded = (await waitFor(async () => {
      const items = await projectStarts(both, worker, household.enrollmentId);
      return items.length === 2 ? items : undefined;
    }))!;
    const byMember = new Map(recorded.map((a) => [a.participantId, a]));
    const head = byMember.get(household.head)!;
    expect(head).toMatchObject({
      informationDate: household.entryDate, // HUD: a project start is dated the entry
      restriction: 'mou',
      authorUserId: worker.userId,
      totalMonthlyIncomeCents: 214_300,
    });
    expect(head.elements.healthAndDv).toMatchObject(headAnswers.healthAndDv);
    expect(byMember.get(household.spouse)).toMatchObject({
      informationDate: household.entryDate,
      totalMonthlyIncomeCents: 0,
    });
  });

  it('the same master assessment announced again records nothing more', async () => {
    const household = await enrolledHousehold(both, worker);
    const id = await wf().start();
    await wf().save(id, {
      enrollmentId: household.enrollmentId,
      members: [{ participantId: household.head, elements: spouseAnswers }],
    });
    expect((await wf().finish(id)).status).toBe(200);
    await waitFor(
      async () => (await projectStarts(both, worker, household.enrollmentId)).length === 1,
    );
    const event = (await announced()).find((e) => e.data.workflowId === id)!;
    // a new delivery of the same answers (another event id): the member already has one
    await both.enrollment.publish(MasterAssessmentCompleted, event.data, {
      orgId: worker.orgId,
      actor: { userId: worker.userId, name: worker.name },
    });
    expect(await projectStarts(both, worker, household.enrollmentId)).toHaveLength(1);
  });

  it.each([
    [
      'an answer outside its list (400)',
      { incomeBenefits: { incomeFromAnySource: 7 } },
      400,
      ['assessment.members.0.elements.incomeBenefits.incomeFromAnySource'],
    ],
    [
      'free text, which events never carry (400)',
      {
        currentLivingSituation: { currentLivingSituation: 116, locationDetails: 'Under a bridge' },
      },
      400,
      ['assessment.members.0.elements.currentLivingSituation.locationDetails'],
    ],
  ])(
    'refuses to save %s, naming it on the step (zod paths), keeping nothing',
    async (_label, elements, status, fields) => {
      const household = await enrolledHousehold(both, worker);
      const id = await wf().start();
      const res = await wf().save(id, {
        enrollmentId: household.enrollmentId,
        members: [{ participantId: household.head, elements }],
      });
      expect([res.status, fieldsOf(res.body)]).toEqual([status, fields]);
      expect((await wf().get(id)).body.steps).toEqual({});
    },
  );

  it('refuses to finish a detail without its yes, naming it; the draft stays, nothing announced', async () => {
    const household = await enrolledHousehold(both, worker);
    const id = await wf().start();
    const saved = await wf().save(id, {
      members: [
        { participantId: household.head, elements: spouseAnswers },
        {
          participantId: household.spouse,
          elements: { healthAndDv: { domesticViolenceSurvivor: 0, currentlyFleeing: 1 } },
        },
      ],
    });
    expect(saved.status).toBe(200); // a draft may hold it while the worker asks again
    const before = await rowCounts(both.intake.pool, ['outbox']);
    const res = await wf().finish(id);
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual([
      'assessment.enrollmentId',
      'assessment.members[1].elements.healthAndDv.currentlyFleeing',
    ]);
    expect((await wf().get(id)).body.status).toBe('in_progress');
    expect(await rowCounts(both.intake.pool, ['outbox'])).toEqual(before);
  });

  it("never records into another organization's enrollment", async () => {
    const household = await enrolledHousehold(both, worker);
    const theirs = await enrolledHousehold(both, stranger);
    const id = await wf(stranger).start();
    await wf(stranger).save(id, {
      enrollmentId: household.enrollmentId, // the worker's enrollment, named by a stranger
      members: [{ participantId: theirs.head, elements: spouseAnswers }],
    });
    expect((await wf(stranger).finish(id)).status).toBe(200);
    await handledByEnrollment(id);
    expect(await projectStarts(both, worker, household.enrollmentId)).toEqual([]);
  });

  it("records nobody when enrollment's rules refuse one member (all or none)", async () => {
    const household = await enrolledHousehold(both, worker);
    const outsider = await createParticipant(both.intake.url, worker, {
      firstName: 'Zahra',
      lastName: 'Odhiambo',
      birthDate: '2001-02-03',
      sex: 'female',
    });
    const id = await wf().start();
    await wf().save(id, {
      enrollmentId: household.enrollmentId,
      members: [
        { participantId: household.head, elements: spouseAnswers },
        { participantId: outsider, elements: spouseAnswers }, // not a member of the enrollment
      ],
    });
    expect((await wf().finish(id)).status).toBe(200);
    await handledByEnrollment(id);
    expect(await projectStarts(both, worker, household.enrollmentId)).toEqual([]);
  });

  it("refuses a member the worker may not see: another organization's participant is not found", async () => {
    const theirs = await enrolledHousehold(both, stranger);
    const id = await wf().start();
    const res = await wf().save(id, {
      enrollmentId: theirs.enrollmentId,
      members: [{ participantId: theirs.head, elements: spouseAnswers }],
    });
    expect(res.status).toBe(404);
    expect((await wf().get(id)).body.steps).toEqual({});
  });
});
