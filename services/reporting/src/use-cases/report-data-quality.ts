import type { Actor } from '@hearth/access';
import { peopleOf } from '@hearth/people';
import type { ReportingDeps } from '../deps';
import { dataQuality, ELEMENTS_NOT_ANNOUNCED, type QualityFigure } from '../domain/data-quality';
import type { Period } from '../domain/program-report';
import { clientFacts, livingSituationsAtEntry, programRows } from '../store/program-report';
import { listedFigure, mayReportOnProgram } from './report-access';

/**
 * A program's data-quality report for the requester's organization, scoped as the program report
 * (its enrollments as owner or provider; another organization's program is unknown). Suspected
 * duplicates: intake announces none (its matching's pairs stay in intake), so the report says so
 * and counts (and lists, `linked`) the records already linked as one person instead.
 */
export async function reportDataQuality(
  deps: ReportingDeps,
  actor: Actor,
  programId: string,
  period: Period,
  figure?: QualityFigure,
) {
  await mayReportOnProgram(deps.pool, actor, programId);
  const rows = await programRows(deps.pool, programId, actor.orgId, period);
  const ids = [...new Set(rows.memberships.map((m) => m.participantId))];
  const living = await livingSituationsAtEntry(deps.pool, programId, actor.orgId);
  const people = await peopleOf(deps.pool, ids);
  const report = dataQuality(
    period,
    await clientFacts(deps.pool, ids),
    rows.memberships,
    rows.exits,
    rows.services,
    (enrollmentId, participantId) => living.get(`${enrollmentId}:${participantId}`) ?? null,
    (participantId) => (people.get(participantId)?.length ?? 1) > 1,
  );
  const answer = {
    programId,
    organizationId: actor.orgId,
    ...period,
    elements: report.elements,
    notAnnounced: Object.entries(ELEMENTS_NOT_ANNOUNCED).map(([element, reason]) => ({
      element,
      reason,
    })),
    enrollmentsWithoutService90Days: report.enrollmentsWithoutService90Days,
    clientsNeverExited: report.clientsNeverExited,
    suspectedDuplicates: {
      available: false as const,
      reason: "intake announces no suspected duplicates: its matching's pairs stay in intake",
      linkedRecords: report.linkedRecords,
    },
  };
  if (!figure) return { ...answer, listed: undefined };
  const records = report.flagged[figure];
  return { ...answer, listed: await listedFigure(deps.pool, actor, figure, records, deps.clock()) };
}
