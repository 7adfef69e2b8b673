import type { Request } from 'express';
import { z } from 'zod';
import { badRequest, pageQuery } from '@hearth/http';
import { openStatuses, workflowStatuses } from './transitions';

/** Request and response shapes of the workflow routes; the OpenAPI document is generated from them. */
const title = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('What the draft is listed as, e.g. a name');

export const startBody = z.strictObject({
  participantId: z.string().uuid().optional(),
  title: title.optional(),
});

export const listQuery = (types: [string, ...string[]]) =>
  z.strictObject({
    status: z.enum(openStatuses).optional().describe('Both open statuses when absent'),
    type: z.enum(types).optional(),
    ...pageQuery,
  });

export const stepParams = z.strictObject({
  id: z.string().uuid(),
  step: z.string().max(100),
});

export const stepBody = z.strictObject({
  // Any JSON here (the body parser already made it JSON); the step's own schema validates it.
  // Not z.json(): its recursive $ref would point into the merged OpenAPI document's root.
  data: z
    .unknown()
    .refine((v) => v !== undefined, 'Required')
    .describe("The step's data, validated by that step's schema"),
  // The list shows the title; a step that picks or names the participant may update both.
  title: title.optional(),
  participantId: z.string().uuid().optional(),
});

const meta = {
  id: z.string().uuid(),
  type: z.string(),
  status: z.enum(workflowStatuses),
  participantId: z.string().uuid().nullable(),
  title: z.string().nullable(),
  currentStep: z.string().nullable().describe('The step saved last'),
  version: z.number().int().describe('Also the ETag; send it as If-Match to refuse stale writes'),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const workflowView = z.object({ ...meta, steps: z.record(z.string(), z.unknown()) });
export const workflowSummary = z.object({
  ...meta,
  savedSteps: z.array(z.string()),
  cursor: z.string().describe('The cursor of a page starting after this item'),
});
export const finishedView = workflowView.extend({
  result: z.unknown().optional().describe('What finishing made, when the type makes a record'),
});

/**
 * The version a client insists on, from an optional If-Match header ("3", W/"3" or *). Absent or *
 * means "whatever is there now".
 */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.get('if-match');
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw badRequest('If-Match must be the ETag of the workflow, e.g. "3".', [
      { field: 'If-Match', message: 'Use the ETag this API gave out' },
    ]);
  }
  return Number(match[1]);
}
