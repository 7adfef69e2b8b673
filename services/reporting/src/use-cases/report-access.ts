import { canSeeParticipant, roleAllows, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { forbidden, notFound } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import { programIsVisible } from '../store/program-report';

/** Reports count client records: a role that reads none is 403. */
export function mayReadReports(actor: Actor) {
  if (!roleAllows(actor, 'read')) throw forbidden('Your roles read no client records');
}

/**
 * A program's reports are the requester's organization's when it holds an enrollment of the
 * program (owner or service provider); any other program is unknown (404, whoever holds it).
 */
export async function mayReportOnProgram(db: Queryable, actor: Actor, programId: string) {
  mayReadReports(actor);
  if (!(await programIsVisible(db, programId, actor.orgId))) throw notFound('The program');
}

/**
 * The records of a report's list that `actor` may see (libs/access over intake's sharing facts; a
 * record whose facts have not arrived is visible to no one), and how many were withheld.
 */
export async function visibleRecords<R extends { participantId: string }>(
  db: Queryable,
  actor: Actor,
  records: R[],
  now: Date,
): Promise<{ visible: R[]; withheld: number }> {
  const sharing = await sharingOf(db, [...new Set(records.map((r) => r.participantId))]);
  const visible = records.filter((r) => {
    const known = sharing.get(r.participantId);
    return known !== undefined && canSeeParticipant(actor, known, now).allowed;
  });
  return { visible, withheld: records.length - visible.length };
}

/** A report's `listed`: the figure asked, the records it counted that `actor` may see, withheld. */
export async function listedFigure<F extends string, R extends { participantId: string }>(
  db: Queryable,
  actor: Actor,
  figure: F,
  records: R[],
  now: Date,
) {
  const { visible, withheld } = await visibleRecords(db, actor, records, now);
  return { figure, items: visible, withheld };
}
