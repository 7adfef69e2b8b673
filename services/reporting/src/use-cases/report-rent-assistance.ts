import { roleAllows, type Actor } from '@hearth/access';
import { forbidden } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { personKeys } from '../domain/persons';
import type { Period } from '../domain/program-report';
import { rentAssistanceReport, type RaFigure } from '../domain/rent-assistance-report';
import { linksAmong } from '../store/program-report';
import { hubEpisodes, hubPayments } from '../store/rent-assistance';
import { visibleRecords } from './visible-records';

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
  if (!roleAllows(actor, 'read')) throw forbidden('Your roles read no client records');
  const episodes = await hubEpisodes(deps.pool, actor.orgId, period);
  const payments = await hubPayments(deps.pool, actor.orgId, period);
  const ids = [...new Set(episodes.map((e) => e.participantId))];
  const keys = personKeys(ids, await linksAmong(deps.pool, ids));
  const report = rentAssistanceReport(period, episodes, payments, (id) => keys.get(id) ?? id);
  const answer = { organizationId: actor.orgId, ...period, ...report.figures, listed: undefined };
  if (!figure) return answer;
  const { visible, withheld } = await visibleRecords(
    deps.pool,
    actor,
    report.listed[figure],
    deps.clock(),
  );
  return { ...answer, listed: { figure, items: visible, withheld } };
}
