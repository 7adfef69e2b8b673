import type { Actor } from '@hearth/access';
import { personKeysOf } from '@hearth/people';
import type { ReportingDeps } from '../deps';
import type { Period } from '../domain/program-report';
import { rentAssistanceReport, type RaFigure } from '../domain/rent-assistance-report';
import { hubEpisodes, hubPayments } from '../store/rent-assistance';
import { listedFigure, mayReadReports } from './report-access';

/**
 * The rent-assistance report of the requester's organization as a hub (the records it provides):
 * figures over all of them, a list only of the records whose participant the requester may see.
 */
export async function reportRentAssistance(
  deps: ReportingDeps,
  actor: Actor,
  period: Period,
  figure?: RaFigure,
) {
  mayReadReports(actor);
  const episodes = await hubEpisodes(deps.pool, actor.orgId, period);
  const payments = await hubPayments(deps.pool, actor.orgId, period);
  const keys = await personKeysOf(deps.pool, [...new Set(episodes.map((e) => e.participantId))]);
  const report = rentAssistanceReport(period, episodes, payments, (id) => keys.get(id) ?? id);
  const answer = { organizationId: actor.orgId, ...period, ...report.figures };
  if (!figure) return { ...answer, listed: undefined };
  const records = report.listed[figure];
  return { ...answer, listed: await listedFigure(deps.pool, actor, figure, records, deps.clock()) };
}
