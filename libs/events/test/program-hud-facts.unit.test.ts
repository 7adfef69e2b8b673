import { randomUUID } from 'node:crypto';
import { InvalidEvent, ProgramUpdated, createEvent, parseEvent } from '@hearth/events';

/** The program events' HUD facts are optional: events made before them still parse. */
const older = {
  programId: randomUUID(),
  orgId: randomUUID(),
  name: 'Shelter Plus',
  fundingSource: 'HUD CoC',
  grantNumber: null,
  activeFrom: '2025-07-01',
  activeTo: null,
  kind: null,
  version: 1,
};
const by = { orgId: older.orgId, actor: { userId: randomUUID(), name: 'Sam' } };
const funder = {
  funder: 3,
  otherFunder: null,
  grantId: 'G-1',
  startDate: '2025-07-01',
  endDate: null,
};
const raw = (data: object) =>
  JSON.parse(JSON.stringify({ ...createEvent(ProgramUpdated, { ...by, data: older }), data }));

test('a program event without a project type or funders parses as it did', () => {
  expect(parseEvent(raw(older)).data).toEqual(older);
});

test('a program event with a HUD project type and funders parses with them', () => {
  const data = { ...older, projectType: 13, funders: [funder] };
  expect(parseEvent(raw(data)).data).toEqual(data);
});

test.each([
  ['a retired project type', { projectType: 5 }],
  ['a funder code off HUD list', { funders: [{ ...funder, funder: 57 }] }],
  ['the deprecated funder 49', { funders: [{ ...funder, funder: 49 }] }],
  ['a funder without its grant id', { funders: [{ ...funder, grantId: '' }] }],
])('%s is an invalid event', (_label, facts) => {
  expect(() => parseEvent(raw({ ...older, ...facts }))).toThrow(InvalidEvent);
});
