import { randomUUID } from 'node:crypto';
import { HmisClientMatched } from '@hearth/events';
import { publishAndWait, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { client, getImport, importToEnd, zipOf } from './import-harness';

/**
 * Intake answers each imported client with `intake.hmis-client.matched`; reporting keeps the
 * participant id beside the imported row, first answer only, and the import job says what its
 * clients became.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
const LONG_ID = 'L'.repeat(33); // past HUD's 32 characters: never announced
type Outcome = 'taken_in' | 'linked' | 'not_taken_in';
const answer = (
  importer: { orgId: string },
  importId: string,
  personalId: string,
  outcome: Outcome,
  ids: { participantId?: string | null; linkedTo?: string | null; exportId?: string } = {},
) =>
  publishAndWait(
    service,
    HmisClientMatched,
    {
      importId,
      exportId: ids.exportId ?? 'EXP1',
      personalId,
      outcome,
      participantId: ids.participantId === undefined ? randomUUID() : ids.participantId,
      linkedToParticipantId: ids.linkedTo ?? null,
      reason: outcome === 'not_taken_in' ? 'no name' : null,
    },
    { orgId: importer.orgId },
  );
const rowsOf = async (orgId: string) =>
  (
    await service.pool.query<{
      personal_id: string;
      intake_outcome: string | null;
      participant_id: string | null;
      linked_to_participant_id: string | null;
    }>(
      `SELECT personal_id, intake_outcome, participant_id, linked_to_participant_id
       FROM hmis_imported_clients WHERE org_id = $1 ORDER BY personal_id`,
      [orgId],
    )
  ).rows;
const intakeOf = async (importer: ReturnType<typeof worker>, id: string) => {
  const got = await getImport(service, importer, id);
  expect(got.status).toBe(200);
  return (got.body as unknown as { clientsInIntake: Record<string, number> }).clientsInIntake;
};

describe("what intake made of an import's clients", () => {
  it('records each participant id beside its row and counts taken in, linked and not taken in', async () => {
    const importer = worker();
    const zip = await zipOf({
      Client: [client('A1'), client('B1'), client('C1'), client('D1'), client(LONG_ID)],
    });
    const done = await importToEnd(service, importer, zip);
    expect(done.status).toBe('done');
    // four announced, the long id kept here, no answer yet
    expect(await intakeOf(importer, done.id)).toEqual({
      takenIn: 0,
      linked: 0,
      notTakenIn: 0,
      awaiting: 4,
      keptHere: 1,
    });

    const ada = randomUUID();
    const bea = randomUUID();
    const heldBefore = randomUUID();
    await answer(importer, done.id, 'A1', 'taken_in', { participantId: ada });
    await answer(importer, done.id, 'B1', 'linked', { participantId: bea, linkedTo: heldBefore });
    await answer(importer, done.id, 'C1', 'not_taken_in', { participantId: null });

    expect(await intakeOf(importer, done.id)).toEqual({
      takenIn: 1,
      linked: 1,
      notTakenIn: 1,
      awaiting: 1, // D1
      keptHere: 1,
    });
    expect(await rowsOf(importer.orgId)).toEqual([
      {
        personal_id: 'A1',
        intake_outcome: 'taken_in',
        participant_id: ada,
        linked_to_participant_id: null,
      },
      {
        personal_id: 'B1',
        intake_outcome: 'linked',
        participant_id: bea,
        linked_to_participant_id: heldBefore,
      },
      {
        personal_id: 'C1',
        intake_outcome: 'not_taken_in',
        participant_id: null,
        linked_to_participant_id: null,
      },
      {
        personal_id: 'D1',
        intake_outcome: 'awaiting',
        participant_id: null,
        linked_to_participant_id: null,
      },
      {
        personal_id: LONG_ID,
        intake_outcome: null,
        participant_id: null,
        linked_to_participant_id: null,
      },
    ]);
  });

  it('a repeated or late answer, or one naming another organization, import or export, changes nothing', async () => {
    const importer = worker();
    const done = await importToEnd(
      service,
      importer,
      await zipOf({ Client: [client('A1'), client('B1')] }),
    );
    const ada = randomUUID();
    await answer(importer, done.id, 'A1', 'taken_in', { participantId: ada });
    const before = await rowsOf(importer.orgId);

    // the same client answered again, differently: the first answer stays
    await answer(importer, done.id, 'A1', 'linked', { linkedTo: randomUUID() });
    // B1 answered under another organization, another import, another ExportID
    await answer(worker(), done.id, 'B1', 'taken_in');
    await answer(importer, randomUUID(), 'B1', 'taken_in');
    await answer(importer, done.id, 'B1', 'taken_in', { exportId: 'OTHER' });
    // a client this import does not hold
    await answer(importer, done.id, 'Z9', 'taken_in');

    expect(await rowsOf(importer.orgId)).toEqual(before);
    expect(before[0]).toMatchObject({ intake_outcome: 'taken_in', participant_id: ada });
    expect(await intakeOf(importer, done.id)).toMatchObject({ takenIn: 1, awaiting: 1 });
  });

  it('a second import counts only the clients it added, and another organization cannot read it', async () => {
    const importer = worker();
    await importToEnd(service, importer, await zipOf({ Client: [client('A1')] }));
    const second = await importToEnd(
      service,
      importer,
      await zipOf({ Client: [client('A1'), client('E1')] }),
    );
    expect(second.files.Client).toMatchObject({ accepted: 1, alreadyHeld: 1 });
    await answer(importer, second.id, 'E1', 'taken_in');
    expect(await intakeOf(importer, second.id)).toEqual({
      takenIn: 1,
      linked: 0,
      notTakenIn: 0,
      awaiting: 0,
      keptHere: 0,
    });
    expect((await getImport(service, worker(), second.id)).status).toBe(404);
  });
});
