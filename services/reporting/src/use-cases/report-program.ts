import type { Actor } from '@hearth/access';
import { personKeysOf } from '@hearth/people';
import type { ReportingDeps } from '../deps';
import {
  programReport,
  type Counted,
  type Period,
  type ProgramFigure,
  type ProgramFigures,
} from '../domain/program-report';
import { programRows } from '../store/program-report';
import { mayReportOnProgram, visibleRecords } from './report-access';

export interface ListedRecord extends Counted {
  /** The person the record is of: the smallest id among their records listed to this reader. */
  personId: string;
}

export interface ProgramReportAnswer {
  programId: string;
  organizationId: string;
  from: string;
  to: string;
  figures: ProgramFigures;
  /** Asked with `list`: the records the figure counted that the requester may see. */
  listed?: { figure: ProgramFigure; items: ListedRecord[]; withheld: number };
}

/**
 * A program's report for the requester's organization (owner or service provider of its
 * enrollments): a program it holds no enrollment of is unknown (404, whoever holds it). Figures
 * count every record of the organization's enrollments (they name nobody); a list shows only the
 * records the requester may see (libs/access, intake's sharing facts), the rest as `withheld`.
 */
export async function reportProgram(
  deps: ReportingDeps,
  actor: Actor,
  programId: string,
  period: Period,
  figure?: ProgramFigure,
): Promise<ProgramReportAnswer> {
  await mayReportOnProgram(deps.pool, actor, programId);
  const rows = await programRows(deps.pool, programId, actor.orgId, period);
  const ids = new Set(rows.memberships.map((m) => m.participantId));
  for (const s of rows.services) ids.add(s.participantId);
  const keys = await personKeysOf(deps.pool, [...ids]);
  const { figures, counted } = programReport(
    period,
    rows.memberships,
    rows.exits,
    rows.services,
    (id) => keys.get(id) ?? id,
  );
  const answer: ProgramReportAnswer = {
    programId,
    organizationId: actor.orgId,
    ...period,
    figures,
  };
  if (!figure) return answer;
  const { visible, withheld } = await visibleRecords(
    deps.pool,
    actor,
    counted[figure],
    deps.clock(),
  );
  const personIdOf = new Map<string, string>();
  for (const r of visible) {
    const key = keys.get(r.participantId) ?? r.participantId;
    const known = personIdOf.get(key);
    if (!known || r.participantId < known) personIdOf.set(key, r.participantId);
  }
  const items = visible.map((r) => ({
    personId: personIdOf.get(keys.get(r.participantId) ?? r.participantId)!,
    ...r,
  }));
  return { ...answer, listed: { figure, items, withheld } };
}
