import { z } from 'zod';
import { requireRole, actorOf } from '@hearth/auth';
import { programKinds } from '@hearth/events';
import { defineRoute, idParams, isoDate, notFound, type Api } from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { isRentAssistance } from '../domain/rent-assistance';
import { rentAssistancePrograms } from '../store/rent-assistance';
import { eligibilityCriteria } from '../domain/criteria';
import { registrationField } from '../domain/registration-answers';
import { findProgram, listPrograms } from '../store/programs';
import { changeProgram } from '../use-cases/change-program';
import { createProgram } from '../use-cases/create-program';

const text = (max: number) => z.string().trim().min(1).max(max);
// any integer reaches the domain, which names the code off HUD's list (422, not 400)
const hudCode = z.number().int();
const funder = z
  .strictObject({
    funder: hudCode.describe("HUD's funding source (2.06.1: 1-55; 46 Local or Other)"),
    otherFunder: text(100).optional().describe('Who funds it: only for funder 46'),
    grantId: text(100),
    startDate: isoDate(),
    endDate: isoDate().optional().describe('Not before startDate; absent: open'),
  })
  .transform((f) => ({ ...f, otherFunder: f.otherFunder ?? null, endDate: f.endDate ?? null }));
const fields = {
  name: text(200),
  fundingSource: text(200).describe('The grant or funding source paying for the program'),
  grantNumber: text(100),
  activeFrom: isoDate(),
  activeTo: isoDate(),
  serviceCatalogRef: text(200).describe("The services service's catalog for it"),
  requiredRegistrationFields: z.array(registrationField).max(30),
  eligibilityCriteria,
  projectType: hudCode.describe(
    "HUD's project type (2.02.6: 0 ES entry/exit, 1 ES night-by-night, 2 TH, 3 PSH, 4 SO, 6 SSO, 7 other, 8 SH, 9 PH housing only, 10 PH with services, 11 day shelter, 12 HP, 13 RRH, 14 CE)",
  ),
  funders: z.array(funder).max(20).describe("The grants paying for it (Funder.csv's rows)"),
  continuumProject: z.boolean().describe('2.02.5: a project of the continuum (default false)'),
  housingType: hudCode.describe(
    '2.02.D, residential project types only: 1 site-based single site, 2 site-based clustered, 3 tenant-based scattered site',
  ),
  rrhSubType: hudCode.describe(
    '2.02.A, project type 13 only: 1 RRH services only, 2 RRH housing with or without services',
  ),
  residentialAffiliation: z
    .boolean()
    .describe('2.02.B, project type 6 or RRH services only: affiliated with a residential project'),
  targetPopulation: hudCode.describe(
    '2.02.7: 1 DV survivors, 3 persons with HIV/AIDS, 4 not applicable',
  ),
  hopwaMedAssistedLivingFac: hudCode.describe(
    '2.02.8, a program with a HOPWA funder only: 0 no, 1 yes (the others are exported as 2)',
  ),
  cocCode: z.string().max(20).describe("2.03.1: the continuum of care's code, XX-999"),
};
const newProgram = z
  .strictObject({
    ...fields,
    grantNumber: fields.grantNumber.optional(),
    activeTo: fields.activeTo.optional(),
    serviceCatalogRef: fields.serviceCatalogRef.optional(),
    kind: z
      .enum(programKinds)
      .optional()
      .describe(
        'rsi (Refugee School Impact: grade promotions), rym, rent_assistance, workforce (Keys to Progress: training and support payments); fixed once made',
      ),
    requiredRegistrationFields: fields.requiredRegistrationFields.default([]),
    eligibilityCriteria: eligibilityCriteria.default([]),
    projectType: fields.projectType.optional(),
    funders: fields.funders.default([]),
    continuumProject: fields.continuumProject.default(false),
    housingType: fields.housingType.optional(),
    rrhSubType: fields.rrhSubType.optional(),
    residentialAffiliation: fields.residentialAffiliation.optional(),
    targetPopulation: fields.targetPopulation.optional(),
    hopwaMedAssistedLivingFac: fields.hopwaMedAssistedLivingFac.optional(),
    cocCode: fields.cocCode.optional(),
  })
  .refine((p) => !p.activeTo || p.activeTo >= p.activeFrom, {
    path: ['activeTo'],
    message: 'Must not be before activeFrom',
  });
const programChanges = z.strictObject({
  version: z.number().int().positive().describe('The version you read; a stale one is refused'),
  name: fields.name.optional(),
  fundingSource: fields.fundingSource.optional(),
  grantNumber: fields.grantNumber.nullable().optional(),
  activeFrom: fields.activeFrom.optional(),
  activeTo: fields.activeTo.nullable().optional().describe('null: no end date'),
  serviceCatalogRef: fields.serviceCatalogRef.nullable().optional(),
  requiredRegistrationFields: fields.requiredRegistrationFields.optional(),
  eligibilityCriteria: eligibilityCriteria.optional(),
  projectType: fields.projectType.nullable().optional().describe('null: not an HMIS project'),
  funders: fields.funders.optional().describe('The whole list: replaces the one held'),
  continuumProject: fields.continuumProject.optional(),
  // null: no longer said (as when a project type no longer asks it)
  housingType: fields.housingType.nullable().optional(),
  rrhSubType: fields.rrhSubType.nullable().optional(),
  residentialAffiliation: fields.residentialAffiliation.nullable().optional(),
  targetPopulation: fields.targetPopulation.nullable().optional(),
  hopwaMedAssistedLivingFac: fields.hopwaMedAssistedLivingFac.nullable().optional(),
  cocCode: fields.cocCode.nullable().optional(),
});
const program = z.object({ id: z.string(), name: z.string(), orgId: z.string() }).passthrough();

/** Programs belong to the actor's organization; other organizations' programs are not listed. */
export function programRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/programs',
    summary: 'Create a program of your organization, with its eligibility criteria as data',
    tag: 'programs',
    body: newProgram,
    success: { status: 201, schema: program },
    handler: async ({ body, req, res }) => {
      const actor = requireRole(req, 'supervisor', 'admin');
      const created = await createProgram(deps, actor, body);
      res.location(`/api/v1/programs/${created.id}`);
      return created;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs',
    summary:
      "Your organization's programs (kind=rent_assistance: every hub's Rent Assistance programs, to refer to); activeOn lists only those active on that date",
    tag: 'programs',
    query: z.strictObject({
      activeOn: isoDate().optional(),
      kind: z.enum(['rent_assistance']).optional(),
    }),
    success: { status: 200, schema: z.object({ items: z.array(program), nextCursor: z.null() }) },
    handler: async ({ query, req }) => ({
      items: query.kind
        ? await rentAssistancePrograms(deps.pool, query.activeOn)
        : await listPrograms(deps.pool, actorOf(req).orgId, query.activeOn),
      nextCursor: null, // an organization runs a handful of programs: one page
    }),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs/:id',
    summary: "One program of your organization, or a hub's Rent Assistance program",
    tag: 'programs',
    params: idParams,
    success: { status: 200, schema: program },
    handler: async ({ params, req }) => {
      const found = await findProgram(deps.pool, params.id);
      // a hub's Rent Assistance program is open to every organization's career coaches
      if (!found || (found.orgId !== actorOf(req).orgId && !isRentAssistance(found)))
        throw notFound('The program');
      return found;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/programs/:id',
    summary:
      'Change a program of your organization (criteria, dates, required fields); its enrollments must stay within its active dates',
    tag: 'programs',
    params: idParams,
    body: programChanges,
    success: { status: 200, schema: program },
    handler: async ({ params, body, req }) => {
      const actor = requireRole(req, 'supervisor', 'admin');
      return changeProgram(deps, actor, params.id, body);
    },
  });
}
