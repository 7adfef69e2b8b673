import { roleAllows, type Actor } from '@hearth/access';
import { forbidden, notFound } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { contractOutcomes, type ContractFigure } from '../domain/contract-outcomes';
import { personKeys } from '../domain/persons';
import type { Period } from '../domain/program-report';
import { linksAmong, programIsVisible } from '../store/program-report';
import { exitedEnrollments } from '../store/workforce';
import { visibleRecords } from './visible-records';

/**
 * A workforce program's contract outcome measures for the requester's organization, scoped as
 * the program report (another organization's program is unknown), each person once; a list shows
 * the enrollments whose head the requester may see.
 */
export async function reportContractOutcomes(
  deps: ReportingDeps,
  actor: Actor,
  programId: string,
  period: Period,
  figure?: ContractFigure,
) {
  if (!roleAllows(actor, 'read')) throw forbidden('Your roles read no client records');
  if (!(await programIsVisible(deps.pool, programId, actor.orgId))) throw notFound('The program');
  const exited = await exitedEnrollments(deps.pool, programId, actor.orgId, period);
  const ids = [...new Set(exited.map((e) => e.participantId))];
  const keys = personKeys(ids, await linksAmong(deps.pool, ids));
  const report = contractOutcomes(exited, (id) => keys.get(id) ?? id);
  const answer = {
    programId,
    organizationId: actor.orgId,
    ...period,
    persons: report.persons,
    excluded: report.excluded,
    measures: report.measures,
    listed: undefined,
  };
  if (!figure) return answer;
  const { visible, withheld } = await visibleRecords(
    deps.pool,
    actor,
    report.listed[figure],
    deps.clock(),
  );
  return { ...answer, listed: { figure, items: visible, withheld } };
}
