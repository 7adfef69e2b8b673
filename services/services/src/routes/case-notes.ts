import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, page, pageQuery, uuid, type Api } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { printCaseNotesQuery } from '../domain/case-note-print';
import { NOTE_RESTRICTIONS, createCaseNoteBody, updateCaseNoteBody } from '../domain/case-notes';
import { addCaseNote } from '../use-cases/add-case-note';
import { deleteCaseNote, editCaseNote } from '../use-cases/change-case-note';
import { listCaseNotes } from '../use-cases/list-case-notes';
import { printCaseNotes } from '../use-cases/print-case-notes';
import { caseNoteFor } from './case-note-gate';
import { participantFor } from './participant-gate';

const newNote = z.strictObject({
  participantId: uuid(),
  ...createCaseNoteBody.shape,
  noteDate: createCaseNoteBody.shape.noteDate.describe(
    "Never in the future on the organization's calendar",
  ),
  staffUserId: createCaseNoteBody.shape.staffUserId.describe(
    'Who initiated it: you by default; data-entry staff may name an active colleague',
  ),
  restriction: createCaseNoteBody.shape.restriction.describe(
    'org: your organization; user: you alone; mou: also organizations with an active release',
  ),
});
const caseNote = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  orgId: z.string(),
  authorUserId: z.string(),
  staffUserId: z.string(),
  noteDate: z.string(),
  text: z.string(),
  readOnly: z.boolean(),
  restriction: z.enum(NOTE_RESTRICTIONS),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Case notes on a participant: each one read, changed and printed only as its restriction allows. */
export function caseNoteRoutes(api: Api, deps: ServicesDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/case-notes',
    summary: 'Write a case note on a participant; you are its author',
    tag: 'case-notes',
    body: newNote,
    success: { status: 201, schema: caseNote },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      const { participantId, ...note } = body;
      await participantFor(deps.pool, actor, participantId, 'write', deps.clock());
      const saved = await addCaseNote(deps, actor, participantId, note);
      res.location(`/api/v1/case-notes/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/case-notes',
    summary: "A participant's case notes, newest first: only those you may read",
    tag: 'case-notes',
    query: z.strictObject({ participantId: uuid(), ...pageQuery }),
    success: { status: 200, schema: page(caseNote) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, query.participantId, 'read', deps.clock());
      return listCaseNotes(deps, actor, query);
    },
  });

  // A GET: a print reads and changes nothing, and 100 ids fit well within a URL; before /:id.
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/case-notes/print',
    summary: 'Several case notes of a participant as one PDF: those you may read; 404 when none is',
    tag: 'case-notes',
    query: printCaseNotesQuery,
    success: { status: 200, contentType: 'application/pdf', description: 'The notes as a PDF' },
    handler: async ({ query, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, query.participantId, 'read', deps.clock());
      const pdf = await printCaseNotes(deps, actor, query);
      res.status(200).type('application/pdf');
      res.set('content-disposition', 'attachment; filename="case-notes.pdf"');
      res.set('cache-control', 'no-store'); // a client's words: never in a shared cache
      await pipeline(pdf, res).catch((err: unknown) => {
        if (!res.headersSent) throw err; // failed before a byte: a problem answer can still go
        // the reader went away, or the PDF failed midway: the answer is cut, only the log is left
        deps.logger.warn({ err }, 'a case-note print was not delivered whole');
      });
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/case-notes/:id',
    summary: 'One case note; a note you may not read answers 404 like an unknown one',
    tag: 'case-notes',
    params: idParams,
    success: { status: 200, schema: caseNote },
    handler: async ({ params, req }) =>
      (await caseNoteFor(deps, actorOf(req), params.id, 'read')).note,
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/case-notes/:id',
    summary: 'Edit a case note of your organization (versioned); never a read-only one',
    tag: 'case-notes',
    params: idParams,
    body: updateCaseNoteBody,
    success: { status: 200, schema: caseNote },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const { sharing } = await caseNoteFor(deps, actor, params.id, 'write');
      return editCaseNote(deps, actor, sharing, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/case-notes/:id',
    summary: 'Delete a case note of your organization (kept, marked); never a read-only one',
    tag: 'case-notes',
    params: idParams,
    success: { status: 204 },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const { sharing } = await caseNoteFor(deps, actor, params.id, 'delete');
      await deleteCaseNote(deps, actor, sharing, params.id);
    },
  });
}
