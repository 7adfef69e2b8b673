import { acceptedHudProject, type ProgramHudProject } from '../src/domain/hud-project';

/** What a program takes of another system's project information: what HUD's rules allow. */
const none: ProgramHudProject = {
  projectType: null,
  funders: [],
  continuumProject: false,
  housingType: null,
  rrhSubType: null,
  residentialAffiliation: null,
  targetPopulation: null,
  hopwaMedAssistedLivingFac: null,
  cocCode: null,
};
const grant = {
  funder: 3,
  otherFunder: null,
  grantId: 'G',
  startDate: '2024-01-01',
  endDate: null,
};

test('a shelter keeps its housing type and valid grants; the RRH subtype, affiliation, HOPWA answer and a broken grant go', () => {
  expect(
    acceptedHudProject({
      ...none,
      projectType: 0,
      housingType: 1,
      rrhSubType: 1,
      residentialAffiliation: true,
      hopwaMedAssistedLivingFac: 1,
      funders: [grant, { ...grant, funder: 46 }, { ...grant, endDate: '2023-12-31' }],
    }),
  ).toEqual({ ...none, projectType: 0, housingType: 1, funders: [grant] });
});

test('an off-list RRH subtype goes, and with it the housing type only RRH with housing asks', () => {
  expect(acceptedHudProject({ ...none, projectType: 13, rrhSubType: 3, housingType: 2 })).toEqual({
    ...none,
    projectType: 13,
  });
});

test('what the rules allow is kept whole', () => {
  const rrh = { ...none, projectType: 13, rrhSubType: 1, residentialAffiliation: false };
  expect(acceptedHudProject(rrh)).toEqual(rrh);
});
