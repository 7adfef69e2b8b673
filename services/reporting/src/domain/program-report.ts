import type { exitReasons, housingStatusesAtExit } from '@hearth/events';
import { daysBetween } from '@hearth/time';
import { destinationOf } from './hud-codes';

/** A report's period, both days included. */
export interface Period {
  from: string;
  to: string;
}

/** A household member's place in one of the program's enrollments. */
export interface Membership {
  enrollmentId: string;
  participantId: string;
  entryDate: string;
  exitDate: string | null;
  participationDate: string | null;
}

export interface ExitRow {
  enrollmentId: string;
  participantId: string;
  exitDate: string;
  reason: (typeof exitReasons)[number];
  housingStatus: (typeof housingStatusesAtExit)[number] | null;
}

export interface ServiceRow {
  serviceId: string;
  participantId: string;
  enrollmentId: string;
  serviceTypeId: string;
  serviceDate: string;
}

/** A record a figure counted: what `?list=<figure>` shows (when the requester may see it). */
export interface Counted {
  participantId: string;
  enrollmentId: string;
  serviceId: string | null;
  /** The breakdown it was counted in: a HUD destination code, a housing status, a service type. */
  detail: string | null;
}

export const programFigures = [
  'served',
  'new',
  'active',
  'exited',
  'services',
  'participation',
] as const;
export type ProgramFigure = (typeof programFigures)[number];

export interface ProgramFigures {
  served: number;
  new: number;
  active: number;
  exitedByDestination: { destination: number; persons: number }[];
  exitedByHousingStatus: { housingStatus: string; persons: number }[];
  servicesByType: { serviceTypeId: string; services: number; persons: number }[];
  daysToParticipation: { persons: number; averageDays: number | null };
}

const openIn = (m: Membership, p: Period) =>
  m.entryDate <= p.to && (m.exitDate === null || m.exitDate >= p.from);
/** Auto exits asked nobody: their housing status is "not asked", not a status. */
export const NOT_ASKED = 'not_asked';

/** The items by key; pushed, not copied: a busy program's period holds thousands of services. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
const byKey = <T>(groups: Map<string, T>) => [...groups].sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * The program report's figures over a period, each person (records linked as one, `personOf`)
 * counted once: served = in an enrollment open at some point of the period; new = served with an
 * entry in the period and no earlier entry in the program under any of their records; active =
 * in an enrollment still open after the period's last day; exited = each person's last exit in
 * the period, by HUD destination and by housing status at exit; services by type in the period
 * (records, and persons); days to participation = per person, their first entry in the period
 * that reached participation, averaged (one decimal).
 */
export function programReport(
  period: Period,
  memberships: Membership[],
  exits: ExitRow[],
  services: ServiceRow[],
  personOf: (participantId: string) => string,
): { figures: ProgramFigures; counted: Record<ProgramFigure, Counted[]> } {
  const asCounted = (
    m: { participantId: string; enrollmentId: string },
    detail: string | null = null,
  ): Counted => ({
    participantId: m.participantId,
    enrollmentId: m.enrollmentId,
    serviceId: null,
    detail,
  });
  const persons = (rows: { participantId: string }[]) =>
    new Set(rows.map((r) => personOf(r.participantId))).size;

  const served = memberships.filter((m) => openIn(m, period));
  const firstEntry = new Map<string, string>();
  for (const m of memberships) {
    const person = personOf(m.participantId);
    const known = firstEntry.get(person);
    if (known === undefined || m.entryDate < known) firstEntry.set(person, m.entryDate);
  }
  const isNew = served.filter(
    (m) => m.entryDate >= period.from && firstEntry.get(personOf(m.participantId))! >= period.from,
  );
  const active = served.filter((m) => m.exitDate === null || m.exitDate > period.to);

  const lastExit = new Map<string, ExitRow>();
  for (const x of exits.filter((x) => x.exitDate >= period.from && x.exitDate <= period.to)) {
    const person = personOf(x.participantId);
    const known = lastExit.get(person);
    const later =
      !known ||
      x.exitDate > known.exitDate ||
      (x.exitDate === known.exitDate && x.enrollmentId > known.enrollmentId);
    if (later) lastExit.set(person, x);
  }
  const exited = [...lastExit.values()].map((x) => ({
    ...x,
    destination: destinationOf(x.reason, x.housingStatus).code,
    status: x.housingStatus ?? NOT_ASKED,
  }));

  const inPeriod = services.filter(
    (s) => s.serviceDate >= period.from && s.serviceDate <= period.to,
  );

  const firstParticipation = new Map<string, Membership>();
  for (const m of served.filter((m) => m.entryDate >= period.from && m.participationDate)) {
    const person = personOf(m.participantId);
    const known = firstParticipation.get(person);
    if (!known || m.entryDate < known.entryDate) firstParticipation.set(person, m);
  }
  const participated = [...firstParticipation.values()];
  const days = participated.map((m) => daysBetween(m.entryDate, m.participationDate!));
  const average = days.length
    ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
    : null;

  return {
    figures: {
      served: persons(served),
      new: persons(isNew),
      active: persons(active),
      exitedByDestination: byKey(groupBy(exited, (x) => String(x.destination))).map(
        ([code, rows]) => ({ destination: Number(code), persons: rows.length }),
      ),
      exitedByHousingStatus: byKey(groupBy(exited, (x) => x.status)).map(([status, rows]) => ({
        housingStatus: status,
        persons: rows.length,
      })),
      servicesByType: byKey(groupBy(inPeriod, (s) => s.serviceTypeId)).map(([type, rows]) => ({
        serviceTypeId: type,
        services: rows.length,
        persons: persons(rows),
      })),
      daysToParticipation: { persons: participated.length, averageDays: average },
    },
    counted: {
      served: served.map((m) => asCounted(m)),
      new: isNew.map((m) => asCounted(m)),
      active: active.map((m) => asCounted(m)),
      exited: exited.map((x) => ({ ...asCounted(x), detail: `${x.destination}:${x.status}` })),
      services: inPeriod.map((s) => ({
        ...asCounted(s),
        serviceId: s.serviceId,
        detail: s.serviceTypeId,
      })),
      participation: participated.map((m) => ({
        ...asCounted(m),
        detail: String(daysBetween(m.entryDate, m.participationDate!)),
      })),
    },
  };
}
