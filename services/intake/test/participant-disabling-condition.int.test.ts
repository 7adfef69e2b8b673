import { testActor } from '@hearth/testkit';
import { client, startIntake } from './harness';

/** Intake's participant events tell reporting the 3.08 answer (Enrollment.csv), nothing more. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const worker = testActor({ roles: ['caseworker'] });

beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake.close());

const person = { lastName: 'Condition', birthDate: '1981-02-03', sex: 'female', confirmNew: true };

async function announced(participantId: string, routingKey: string) {
  const { rows } = await intake.service.ctx.pool.query(
    `SELECT envelope->'data' AS data FROM outbox
     WHERE routing_key = $1 AND envelope->'data'->>'participantId' = $2`,
    [routingKey, participantId],
  );
  expect(rows).toHaveLength(1);
  return rows[0].data;
}

test('a new participant is announced with the disabling condition recorded, or null without one', async () => {
  const api = client(intake.url, worker);
  const yes = await api.post('/participants', {
    ...person,
    firstName: 'Ida',
    demographics: { disablingCondition: 'yes', educationLevel: 'GED' },
  });
  expect(yes.status).toBe(201);
  const data = await announced(yes.body.id, 'intake.participant.created');
  expect(data.disablingCondition).toBe('yes');
  // the rest of the demographics stays intake's
  expect(JSON.stringify(data)).not.toMatch(/GED|educationLevel/);
  const none = await api.post('/participants', { ...person, firstName: 'Ned' });
  expect((await announced(none.body.id, 'intake.participant.created')).disablingCondition).toBe(
    null,
  );
});

test('an update announces the disabling condition as changed', async () => {
  const api = client(intake.url, worker);
  const created = await api.post('/participants', {
    ...person,
    firstName: 'Ulla',
    demographics: { disablingCondition: 'unknown' },
  });
  const updated = await api.patch(`/participants/${created.body.id}`, {
    version: created.body.version,
    demographics: { disablingCondition: 'refused' },
  });
  expect(updated.status).toBe(200);
  expect(await announced(created.body.id, 'intake.participant.updated')).toMatchObject({
    disablingCondition: 'refused',
  });
});
