import { measurePercent } from '@hearth/events';
import { addDays } from '@hearth/time';
import { clientElements } from './client-elements';
import type { Membership, Period, ExitRow, ServiceRow } from './program-report';
import { shortfallOf, type ClientFacts, type Shortfall } from './shortfalls';
import { pairedRecords, type OpenPair } from './suspected-duplicates';

export type { ClientFacts } from './shortfalls';

/**
 * Elements HUD requires that reporting is not told yet: shown as such, never as complete. None
 * now (disabling condition, the last, comes with intake's participant events).
 */
export const ELEMENTS_NOT_ANNOUNCED: Readonly<Record<string, string>> = {};

export interface ElementQuality {
  element: string;
  /** Records the element applies to; each count below is of them, each share a percent of them. */
  records: number;
  missing: number;
  doesntKnow: number;
  prefersNot: number;
  notCollected: number;
  /** All four together, as a percent of `records` with one decimal (null when none apply). */
  errorPercent: number | null;
}

/** A record the data-quality report flagged: what `?list=<figure>` shows. */
export interface Flagged {
  participantId: string;
  enrollmentId: string | null;
  detail: string;
}

export const qualityFigures = [
  'name',
  'dateOfBirth',
  'ssn',
  'race',
  'sex',
  'veteranStatus',
  'disablingCondition',
  'priorLivingSituation',
  'destination',
  'withoutService90Days',
  'neverExited',
  'linked',
  'suspectedDuplicates',
] as const;
export type QualityFigure = (typeof qualityFigures)[number];

function quality(element: string, records: number, flagged: Flagged[]): ElementQuality {
  const n = (s: Shortfall) => flagged.filter((f) => f.detail === s).length;
  return {
    element,
    records,
    missing: n('missing'),
    doesntKnow: n('doesnt_know'),
    prefersNot: n('prefers_not'),
    notCollected: n('not_collected'),
    errorPercent: measurePercent(flagged.length, records),
  };
}

/** What intake's matching led to, from its events: records linked as one person, open pairs. */
export interface MatchingFacts {
  isLinked: (participantId: string) => boolean;
  samePerson: (a: string, b: string) => boolean;
  openPairs: OpenPair[];
}

/**
 * A program's data quality over a period, per record: the client records' elements of each record
 * enrolled at some point of the period (client-elements.ts); prior living situation of each member's
 * enrollment that began in the period (from its project-start assessment: none = missing);
 * destination of each member exited in the period (an auto exit asked nobody: missing); the
 * enrollments open at the period's end whose last service (or entry, without one) is more than
 * 90 days before its last day; the clients never exited: open at the period's end; the records
 * enrolled in the period in an open suspected pair of intake's (suspected-duplicates.ts), and
 * those intake linked to another record.
 */
export function dataQuality(
  period: Period,
  clients: ClientFacts[],
  memberships: Membership[],
  exits: ExitRow[],
  services: ServiceRow[],
  livingSituationAtEntry: (enrollmentId: string, participantId: string) => number | null,
  matching: MatchingFacts,
) {
  const served = memberships.filter(
    (m) => m.entryDate <= period.to && (m.exitDate === null || m.exitDate >= period.from),
  );
  const servedIds = new Set(served.map((m) => m.participantId));
  const enrolled = clients.filter((c) => servedIds.has(c.participantId));
  const flag = (
    participantId: string,
    enrollmentId: string | null,
    detail: Shortfall | null,
  ): Flagged[] => (detail ? [{ participantId, enrollmentId, detail }] : []);

  const client = clientElements(enrolled, served, period);
  const entered = served.filter((m) => m.entryDate >= period.from);
  const living = entered.flatMap((m) =>
    flag(
      m.participantId,
      m.enrollmentId,
      shortfallOf(livingSituationAtEntry(m.enrollmentId, m.participantId)),
    ),
  );
  const exited = exits.filter((x) => x.exitDate >= period.from && x.exitDate <= period.to);
  const destination = exited.flatMap((x) =>
    flag(x.participantId, x.enrollmentId, x.housingStatus === null ? 'missing' : null),
  );

  const open = served.filter((m) => m.exitDate === null || m.exitDate > period.to);
  const lastService = new Map<string, string>();
  for (const s of services)
    if (s.serviceDate <= period.to && s.serviceDate > (lastService.get(s.enrollmentId) ?? ''))
      lastService.set(s.enrollmentId, s.serviceDate);
  const staleBefore = addDays(period.to, -90);
  const staleIds = new Set(
    open
      .filter((m) => (lastService.get(m.enrollmentId) ?? m.entryDate) < staleBefore)
      .map((m) => m.enrollmentId),
  );
  // each member of a stale enrollment, with the enrollment's last activity
  const stale = open
    .filter((m) => staleIds.has(m.enrollmentId))
    .map((m) => ({
      participantId: m.participantId,
      enrollmentId: m.enrollmentId,
      detail: lastService.get(m.enrollmentId) ?? m.entryDate,
    }));

  // what intake's matching led to here: records in an open pair, records linked as one person
  const enrolledIds = new Set(enrolled.map((c) => c.participantId));
  const suspected = pairedRecords(enrolledIds, matching.openPairs, matching.samePerson);
  const linked = enrolled
    .filter((c) => matching.isLinked(c.participantId))
    .map((c) => ({ participantId: c.participantId, enrollmentId: null, detail: 'linked' }));

  return {
    elements: [
      quality('name', enrolled.length, client.flagged.name),
      quality('dateOfBirth', enrolled.length, client.flagged.dateOfBirth),
      quality('ssn', enrolled.length, client.flagged.ssn),
      quality('race', enrolled.length, client.flagged.race),
      quality('sex', enrolled.length, client.flagged.sex),
      quality('veteranStatus', client.adults, client.flagged.veteranStatus),
      quality('disablingCondition', enrolled.length, client.flagged.disablingCondition),
      quality('priorLivingSituation', entered.length, living),
      quality('destination', exited.length, destination),
    ],
    enrollmentsWithoutService90Days: staleIds.size,
    clientsNeverExited: new Set(open.map((m) => m.participantId)).size,
    linkedRecords: linked.length,
    suspectedRecords: new Set(suspected.map((r) => r.participantId)).size,
    flagged: {
      ...client.flagged,
      priorLivingSituation: living,
      destination,
      withoutService90Days: stale,
      neverExited: open.map((m) => ({
        participantId: m.participantId,
        enrollmentId: m.enrollmentId,
        detail: m.entryDate,
      })),
      linked,
      suspectedDuplicates: suspected,
    } satisfies Record<QualityFigure, Flagged[]>,
  };
}
