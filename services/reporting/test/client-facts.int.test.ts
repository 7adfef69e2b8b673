import { ParticipantUpdated, type ParticipantFacts } from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import { at, exportedBy, hex, startSeeded } from './export-harness';

/**
 * Client.csv's race, veteran status and SSN data quality, from intake's participant events (HUD
 * FY2026 3.04, 3.07, 3.02). Expected rows worked by hand from the specification's code lists.
 */
let service: TestService;
let seeded: Awaited<ReturnType<typeof startSeeded>>['seeded'];
let lakeshore: Actor;

beforeAll(async () => {
  ({ service, seeded, lakeshore } = await startSeeded());
}, 60_000);
afterAll(() => service?.close());

const update = async (key: 'amina' | 'daniel', facts: Partial<ParticipantFacts>) => {
  const { data, orgId, actor } = seeded.events[key]!;
  return publishAndWait(
    service,
    ParticipantUpdated,
    { ...(data as ParticipantFacts), ...facts },
    { orgId, actor },
  );
};
const client = async (participantId: string) =>
  (await exportedBy(service, lakeshore))
    .records('Client')
    .find((c) => c.PersonalID === hex(participantId))!;

test('a client announced White and Hispanic/Latina/e/o, a veteran, with a full SSN: those race columns 1, RaceNone empty, VeteranStatus 1, SSNDataQuality 1, no SSN', async () => {
  const { ids } = seeded;
  const event = await update('amina', {
    race: ['white', 'hispanic_latina_e_o'],
    veteranStatus: 'yes',
    ssnStatus: 'full',
  });
  const { lines, records } = await exportedBy(service, lakeshore);
  const exportId = records('Export')[0]!.ExportID!;
  expect(lines('Client')).toContain(
    [
      `"${hex(ids.amina)}"`,
      '"Amina"',
      '',
      '"Odhiambo"',
      '', // NameSuffix
      '1', // NameDataQuality: full name
      '', // SSN: never exported, intake does not announce it
      '1', // SSNDataQuality: full SSN reported
      '1990-04-02',
      '1',
      '0', // Sex: female
      '0', // AmIndAKNative
      '0', // Asian
      '0', // BlackAfAmerican
      '1', // HispanicLatinao
      '0', // MidEastNAfrican
      '0', // NativeHIPacific
      '1', // White
      '', // RaceNone: a race is marked
      '', // AdditionalRaceEthnicity
      '1', // VeteranStatus: yes
      ...Array(12).fill(''),
      at(seeded.events.amina!.occurredAt),
      at(event.occurredAt),
      `"${hex(ids.worker)}"`,
      '',
      `"${exportId}"`,
    ].join(','),
  );
});

test('a client who prefers not to answer race, is no veteran and refused the SSN: every race column 0, RaceNone 9, VeteranStatus 0, SSNDataQuality 9', async () => {
  await update('daniel', {
    race: ['client_prefers_not_to_answer'],
    veteranStatus: 'no',
    ssnStatus: 'refused',
  });
  expect(await client(seeded.ids.daniel)).toMatchObject({
    SSN: '',
    SSNDataQuality: '9',
    AmIndAKNative: '0',
    Asian: '0',
    BlackAfAmerican: '0',
    HispanicLatinao: '0',
    MidEastNAfrican: '0',
    NativeHIPacific: '0',
    White: '0',
    RaceNone: '9',
    VeteranStatus: '0',
  });
});

test('a client who does not know race or veteran status, no SSN recorded: RaceNone 8, VeteranStatus 8, SSNDataQuality 99', async () => {
  await update('daniel', {
    race: ['client_doesnt_know'],
    veteranStatus: 'unknown',
    ssnStatus: 'none',
  });
  expect(await client(seeded.ids.daniel)).toMatchObject({
    SSNDataQuality: '99',
    White: '0',
    RaceNone: '8',
    VeteranStatus: '8',
  });
});

test('a veteran status refused is 9; an empty race list and no veteran status are not collected (RaceNone 99, VeteranStatus 99)', async () => {
  await update('daniel', { race: [], veteranStatus: 'refused' });
  expect(await client(seeded.ids.daniel)).toMatchObject({ RaceNone: '99', VeteranStatus: '9' });
  await update('daniel', { race: ['asian_asian_american'], veteranStatus: null });
  expect(await client(seeded.ids.daniel)).toMatchObject({
    Asian: '1',
    RaceNone: '',
    VeteranStatus: '99',
  });
});

test('an event from before intake announced these facts exports them as not collected (the original export)', async () => {
  // Northside's own client's events carry no race, veteran status nor SSN status
  const { lines } = await exportedBy(service, lakeshore);
  const rita = lines('Client').find((l) => l.startsWith(`"${hex(seeded.ids.released)}"`))!;
  expect(rita.split(',').slice(7, 21)).toEqual([
    '99', // SSNDataQuality
    '1970-07-07',
    '1',
    '0',
    ...Array(7).fill('0'),
    '99', // RaceNone
    '',
    '99', // VeteranStatus
  ]);
});
