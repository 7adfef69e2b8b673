import { z } from 'zod';
import { eventDate } from './envelope';

/**
 * HUD's project types (FY2026 HMIS Data Standards 2.02.6): 0 ES entry/exit, 1 ES night-by-night,
 * 2 TH, 3 PH - PSH, 4 Street Outreach, 6 Services Only, 7 Other, 8 Safe Haven, 9 PH - Housing
 * Only, 10 PH - Housing with Services, 11 Day Shelter, 12 Homelessness Prevention, 13 PH - RRH,
 * 14 Coordinated Entry. 5 was retired: HUD never reuses a code.
 */
export const hudProjectTypes = [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14] as const;
export type HudProjectType = (typeof hudProjectTypes)[number];

/**
 * HUD's funding sources (FY2026 2.06.1 Funder): 1 to 56 (HUD: CoC, ESG, HOPWA, VASH; HHS: PATH,
 * RHY; VA: GPD, SSVF, ...; 56 HUD: CoC Builds, new in FY2026) but 49 (CoC - Joint Component
 * RRH/PSH, deprecated: no longer offered). 46 is "Local or Other Funding Source": its OtherFunder
 * names it.
 */
export const hudFunderCodes: readonly number[] = Array.from({ length: 56 }, (_, i) => i + 1).filter(
  (code) => code !== 49,
);
export const LOCAL_OR_OTHER_FUNDER = 46;

export const isHudProjectType = (v: number): v is HudProjectType =>
  (hudProjectTypes as readonly number[]).includes(v);
export const isHudFunderCode = (v: number) => hudFunderCodes.includes(v);

/** 2.06.1's HOPWA grants (13-19 and 48 HOPWA-CV): only their projects answer 2.02.8. */
export const hopwaFunderCodes: readonly number[] = [13, 14, 15, 16, 17, 18, 19, 48];

/**
 * The other lists of HUD's 2.02 Project Information (FY2026): 2.02.D HousingType (1 site-based
 * single site, 2 site-based clustered / multiple sites, 3 tenant-based scattered site), 2.02.A
 * RRHSubType (1 RRH: services only, 2 RRH: housing with or without services), 2.02.7
 * TargetPopulation (1 DV survivors, 3 persons with HIV/AIDS, 4 not applicable; 2 is no more),
 * 2.02.8 HOPWAMedAssistedLivingFac (0 no, 1 yes; 2 "non-HOPWA funded project" is what a
 * project without a HOPWA grant says, never chosen). A CoC code (2.03.1) is HUD's `XX-999`.
 */
export const hudHousingTypes: readonly number[] = [1, 2, 3];
export const hudRrhSubTypes: readonly number[] = [1, 2];
export const hudTargetPopulations: readonly number[] = [1, 3, 4];
export const hudMedAssistedLivingAnswers: readonly number[] = [0, 1];
export const NON_HOPWA_FUNDED_PROJECT = 2;
export const COC_CODE = /^[A-Z]{2}-\d{3}$/;

const codeOf = (list: readonly number[], element: string) =>
  z
    .number()
    .int()
    .refine((v) => list.includes(v), `Not on HUD's list (${element})`)
    .nullable()
    .optional();

/** One grant paying for a program, as Funder.csv holds it (one row each). */
export const programFunder = z.strictObject({
  funder: z.number().int().refine(isHudFunderCode, 'Not a HUD funder code (2.06.1)'),
  /** Only for funder 46 (Local or Other): who it is. */
  otherFunder: z.string().min(1).max(100).nullable(),
  grantId: z.string().min(1).max(100),
  startDate: eventDate,
  endDate: eventDate.nullable(),
});
export type ProgramFunder = z.infer<typeof programFunder>;

/** Absent from program events made before programs held them: no type, no funders. */
export const programHudFacts = {
  projectType: z
    .number()
    .int()
    .refine(isHudProjectType, 'Not a HUD project type (2.02.6)')
    .nullable()
    .optional(),
  funders: z.array(programFunder).max(20).optional(),
  /** 2.02.5: a project of the continuum (absent from older events: not said, exported as 0). */
  continuumProject: z.boolean().optional(),
  housingType: codeOf(hudHousingTypes, '2.02.D'),
  rrhSubType: codeOf(hudRrhSubTypes, '2.02.A'),
  /** 2.02.B: a services-only project affiliated with a residential one. */
  residentialAffiliation: z.boolean().nullable().optional(),
  targetPopulation: codeOf(hudTargetPopulations, '2.02.7'),
  hopwaMedAssistedLivingFac: codeOf(hudMedAssistedLivingAnswers, '2.02.8'),
  /** 2.03.1: the continuum of care it is in (ProjectCoC.csv). */
  cocCode: z.string().regex(COC_CODE).nullable().optional(),
};
