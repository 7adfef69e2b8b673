import { randomUUID } from 'node:crypto';
import { HmisClientImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { importToEnd, postImport, row, zipOf } from './import-harness';

/**
 * An import announces each client it brought in (reporting.hmis-client.imported) for intake to
 * match, in the transaction where the rows land: HUD's codes read back into our words, never an
 * SSN digit.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-09-01T12:00:00Z'),
  });
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'], name: 'Ines' });
const stamps = { DateCreated: '2024-01-02 03:04:05', DateUpdated: '2024-01-02 03:04:05' };
const client = (id: string, more: Record<string, string | number> = {}) =>
  row('Client', {
    PersonalID: id,
    FirstName: 'Ada',
    LastName: 'Lind',
    NameDataQuality: 1,
    SSN: '123456789',
    SSNDataQuality: 1,
    DOB: '1990-04-01',
    DOBDataQuality: 1,
    Sex: 0,
    VeteranStatus: 0,
    ...stamps,
    ...more,
  });
const announcedTo = async (orgId: string) =>
  (await outboxEvents(service.pool, HmisClientImported)).filter((e) => e.orgId === orgId);

describe("an import's clients announced for intake", () => {
  it("each client brought in, in our words, under the importer's organization and name", async () => {
    const importer = worker();
    const zip = await zipOf({
      Client: [
        client('C1'),
        client('C2', {
          FirstName: '',
          LastName: '',
          NameDataQuality: 9,
          SSN: '',
          SSNDataQuality: 9,
          Sex: 99,
          Asian: 1,
          White: 1,
          VeteranStatus: 1,
        }),
        client('C3', { RaceNone: 8, DOB: '', DOBDataQuality: 99, VeteranStatus: 8 }),
        client('BAD', { Sex: 7 }),
      ],
    });
    const answer = await importToEnd(service, importer, zip);
    expect(answer.status).toBe('done');

    const events = await announcedTo(importer.orgId);
    expect(events.map((e) => e.data.personalId).sort()).toEqual(['C1', 'C2', 'C3']);
    const of = (id: string) => events.find((e) => e.data.personalId === id)!;
    expect(of('C1')).toMatchObject({
      orgId: importer.orgId,
      actor: { userId: importer.userId, name: 'Ines' },
      data: {
        importId: answer.id,
        exportId: 'EXP1',
        importerRoles: ['caseworker'],
        firstName: 'Ada',
        lastName: 'Lind',
        birthDate: '1990-04-01',
        sex: 'female',
        race: [],
        veteranStatus: 'no',
        ssnRefused: false,
      },
    });
    expect(of('C2').data).toMatchObject({
      firstName: null,
      lastName: null,
      sex: null,
      race: ['asian_asian_american', 'white'],
      veteranStatus: 'yes',
      ssnRefused: true,
    });
    expect(of('C3').data).toMatchObject({
      birthDate: null,
      race: ['client_doesnt_know'],
      veteranStatus: 'unknown',
    });
    // intake keeps an SSN encrypted and announces none of it: neither does reporting
    for (const e of events) expect(JSON.stringify(e)).not.toMatch(/6789|123456789/);
  });

  it('a client an earlier import holds is not announced again; a new one is', async () => {
    const importer = worker();
    await importToEnd(service, importer, await zipOf({ Client: [client('K1')] }));
    await importToEnd(service, importer, await zipOf({ Client: [client('K1'), client('K2')] }));

    const ids = (await announcedTo(importer.orgId)).map((e) => e.data.personalId);
    expect(ids.sort()).toEqual(['K1', 'K2']);
  });

  it('an import refused whole announces nothing', async () => {
    const importer = worker();
    const zip = await zipOf({ Client: [client('N1')] }, { header: { Funder: 'FunderID,Oops' } });
    expect((await postImport(service, importer, zip)).status).toBe(422);
    expect(await announcedTo(importer.orgId)).toEqual([]);
  });
});
