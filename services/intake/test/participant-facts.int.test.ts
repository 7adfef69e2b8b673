import { testActor } from '@hearth/testkit';
import { client, startIntake } from './harness';

/** What intake's participant events tell reporting for HUD's Client.csv: never the SSN itself. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const worker = testActor({ roles: ['caseworker'] });

beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake.close());

const person = {
  lastName: 'Facts',
  birthDate: '1980-01-01',
  sex: 'male',
  confirmNew: true,
};

async function announced(participantId: string, routingKey: string) {
  const { rows } = await intake.service.ctx.pool.query(
    `SELECT envelope->'data' AS data FROM outbox
     WHERE routing_key = $1 AND envelope->'data'->>'participantId' = $2`,
    [routingKey, participantId],
  );
  expect(rows).toHaveLength(1);
  return rows[0].data;
}

test('a new participant is announced with race, veteran status and that intake holds a full SSN, not the SSN', async () => {
  const api = client(intake.url, worker);
  const created = await api.post('/participants', {
    ...person,
    firstName: 'Vera',
    ssn: '123-45-6789',
    race: ['white', 'hispanic_latina_e_o'],
    demographics: { veteranStatus: 'yes' },
  });
  expect(created.status).toBe(201);
  const data = await announced(created.body.id, 'intake.participant.created');
  expect(data).toMatchObject({
    race: ['white', 'hispanic_latina_e_o'],
    veteranStatus: 'yes',
    ssnStatus: 'full',
  });
  expect(JSON.stringify(data)).not.toMatch(/6789|123456789/);
});

test('a refused SSN is announced as refused, and a participant without SSN or veteran status as none and null', async () => {
  const api = client(intake.url, worker);
  const refused = await api.post('/participants', {
    ...person,
    firstName: 'Rex',
    ssnRefused: true,
  });
  expect(refused.status).toBe(201);
  expect(await announced(refused.body.id, 'intake.participant.created')).toMatchObject({
    race: [],
    veteranStatus: null,
    ssnStatus: 'refused',
  });
  const blank = await api.post('/participants', { ...person, firstName: 'Nemo' });
  expect(await announced(blank.body.id, 'intake.participant.created')).toMatchObject({
    ssnStatus: 'none',
  });
});

test('an update announces the veteran status as changed', async () => {
  const api = client(intake.url, worker);
  const created = await api.post('/participants', { ...person, firstName: 'Una' });
  const updated = await api.patch(`/participants/${created.body.id}`, {
    version: created.body.version,
    demographics: { veteranStatus: 'no' },
  });
  expect(updated.status).toBe(200);
  expect(await announced(created.body.id, 'intake.participant.updated')).toMatchObject({
    veteranStatus: 'no',
    ssnStatus: 'none',
  });
});
