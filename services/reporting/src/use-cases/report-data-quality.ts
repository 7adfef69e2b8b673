import type { Actor } from '@hearth/access';
import { peopleOf } from '@hearth/people';
import type { ReportingDeps } from '../deps';
import { dataQuality, ELEMENTS_NOT_ANNOUNCED, type QualityFigure } from '../domain/data-quality';
import type { Period } from '../domain/program-report';
import { pairDetail, type PairedRecord } from '../domain/suspected-duplicates';
import { clientFacts, livingSituationsAtEntry, programRows } from '../store/program-report';
import { openPairsOf } from '../store/suspected-pairs';
import { listedFigure, mayReportOnProgram, visibleRecords } from './report-access';

/**
 * A program's data-quality report for the requester's organization, scoped as the program report
 * (its enrollments as owner or provider; another organization's program is unknown). Suspected
 * duplicates from intake's pairs (announced to reporting, ids and score only): the records in an
 * open pair, listed with the other record named only when the requester may see it too; and the
 * records already linked as one person (`linked`).
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
  const openPairs = await openPairsOf(deps.pool, ids);
  // one walk of the links for the program's records and their pairs' other records
  const people = await peopleOf(deps.pool, [
    ...new Set([...ids, ...openPairs.flatMap((p) => p.participantIds)]),
  ]);
  const report = dataQuality(
    period,
    await clientFacts(deps.pool, ids),
    rows.memberships,
    rows.exits,
    rows.services,
    (enrollmentId, participantId) => living.get(`${enrollmentId}:${participantId}`) ?? null,
    {
      isLinked: (id) => (people.get(id)?.length ?? 1) > 1,
      samePerson: (a, b) => people.get(a)?.includes(b) ?? false,
      openPairs,
    },
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
      available: true as const,
      records: report.suspectedRecords,
      linkedRecords: report.linkedRecords,
    },
  };
  if (!figure) return { ...answer, listed: undefined };
  const now = deps.clock();
  if (figure === 'suspectedDuplicates') {
    const records = report.flagged.suspectedDuplicates;
    const listed = await listedFigure(deps.pool, actor, figure, records, now);
    return { ...answer, listed: { ...listed, items: await namePairs(deps, actor, listed.items) } };
  }
  const listed = await listedFigure(deps.pool, actor, figure, report.flagged[figure], now);
  return { ...answer, listed };
}

/** Each listed record's pair, the other record named only when the requester may see it too. */
async function namePairs(deps: ReportingDeps, actor: Actor, paired: PairedRecord[]) {
  const others = paired.map((r) => ({ participantId: r.pairedWith }));
  const { visible } = await visibleRecords(deps.pool, actor, others, deps.clock());
  const seen = new Set(visible.map((o) => o.participantId));
  return paired.map((r) => ({
    participantId: r.participantId,
    enrollmentId: r.enrollmentId,
    detail: pairDetail(r, seen.has(r.pairedWith)),
  }));
}
