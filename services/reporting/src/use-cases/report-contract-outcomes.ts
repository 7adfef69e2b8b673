import type { Actor } from '@hearth/access';
import { personKeysOf } from '@hearth/people';
import type { ReportingDeps } from '../deps';
import { contractOutcomes, type ContractFigure } from '../domain/contract-outcomes';
import type { Period } from '../domain/program-report';
import { exitedEnrollments } from '../store/workforce';
import { listedFigure, mayReportOnProgram } from './report-access';

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
  await mayReportOnProgram(deps.pool, actor, programId);
  const exited = await exitedEnrollments(deps.pool, programId, actor.orgId, period);
  const keys = await personKeysOf(deps.pool, [...new Set(exited.map((e) => e.participantId))]);
  const report = contractOutcomes(exited, (id) => keys.get(id) ?? id);
  const answer = {
    programId,
    organizationId: actor.orgId,
    ...period,
    persons: report.persons,
    excluded: report.excluded,
    measures: report.measures,
  };
  if (!figure) return { ...answer, listed: undefined };
  const records = report.listed[figure];
  return { ...answer, listed: await listedFigure(deps.pool, actor, figure, records, deps.clock()) };
}
