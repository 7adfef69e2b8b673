import { csvLine } from '@hearth/http';
import type { Measure, MeasureName } from './contract-outcomes';
import { measureNames } from './contract-outcomes';
import type { ElementQuality } from './data-quality';
import type { ProgramFigures } from './program-report';
import type { rentAssistanceReport } from './rent-assistance-report';

/** A listed record as a CSV row carries it. */
export interface ListedRow {
  personId: string;
  participantId: string;
  enrollmentId: string;
  serviceId: string | null;
  detail: string | null;
}

/**
 * A report as CSV (RFC 4180, formula-looking cells defused by libs/http): one line per figure and
 * breakdown, `figure,breakdown,value`, a figure without breakdown leaving it empty.
 */
export function figuresCsv(f: ProgramFigures): string {
  const rows: [string, string | number | null, number | null][] = [
    ['served', null, f.served],
    ['new', null, f.new],
    ['active', null, f.active],
    ...f.exitedByDestination.map(
      (x) => ['exited_by_destination', x.destination, x.persons] as [string, number, number],
    ),
    ...f.exitedByHousingStatus.map(
      (x) => ['exited_by_housing_status', x.housingStatus, x.persons] as [string, string, number],
    ),
    ...f.servicesByType.flatMap((s) => [
      ['services_by_type', s.serviceTypeId, s.services] as [string, string, number],
      ['persons_by_service_type', s.serviceTypeId, s.persons] as [string, string, number],
    ]),
    ['persons_reaching_participation', null, f.daysToParticipation.persons],
    ['average_days_to_participation', null, f.daysToParticipation.averageDays],
  ];
  return [csvLine(['figure', 'breakdown', 'value']), ...rows.map(csvLine)].join('');
}

/** The records a figure counted, one line each. */
export function listedCsv(items: ListedRow[]): string {
  return [
    csvLine(['person_id', 'participant_id', 'enrollment_id', 'service_id', 'detail']),
    ...items.map((i) =>
      csvLine([i.personId, i.participantId, i.enrollmentId, i.serviceId, i.detail]),
    ),
  ].join('');
}

/**
 * The data-quality report as CSV: a line per element (`records` it applies to, then HUD's four
 * columns and their sum as a percent), an element reporting is not told of with empty cells, and
 * the enrollment- and record-level figures with their count under `records`.
 */
export function qualityCsv(q: {
  elements: ElementQuality[];
  notAnnounced: { element: string }[];
  enrollmentsWithoutService90Days: number;
  clientsNeverExited: number;
  suspectedDuplicates: { records: number };
}): string {
  const header = ['figure', 'records', 'missing', 'doesnt_know', 'prefers_not', 'not_collected'];
  return [
    csvLine([...header, 'error_percent']),
    ...q.elements.map((e) =>
      csvLine([
        e.element,
        e.records,
        e.missing,
        e.doesntKnow,
        e.prefersNot,
        e.notCollected,
        e.errorPercent,
      ]),
    ),
    ...q.notAnnounced.map((e) => csvLine([e.element, null, null, null, null, null, null])),
    csvLine(['enrollments_without_service_90_days', q.enrollmentsWithoutService90Days]),
    csvLine(['clients_never_exited', q.clientsNeverExited]),
    csvLine(['records_in_suspected_duplicates', q.suspectedDuplicates.records]),
  ].join('');
}

/** The records a data-quality, contract or rent-assistance figure counted, one line each. */
export function flaggedCsv(
  items: { participantId: string; enrollmentId: string | null; detail: string | null }[],
): string {
  return [
    csvLine(['participant_id', 'enrollment_id', 'detail']),
    ...items.map((i) => csvLine([i.participantId, i.enrollmentId, i.detail])),
  ].join('');
}

/** The contract's measures, a line each: persons meeting it, of the persons counted, percent. */
export function measuresCsv(measures: Record<MeasureName, Measure>): string {
  return [
    csvLine(['measure', 'persons', 'of', 'percent']),
    ...measureNames.map((name) => {
      const m = measures[name];
      return csvLine([name, m.persons, m.of, m.percent]);
    }),
  ].join('');
}

/** The hub's report as `figure,breakdown,value`: amounts broken down by `<source> <month>`. */
export function rentAssistanceCsv(f: ReturnType<typeof rentAssistanceReport>['figures']): string {
  const retention = (months: 6 | 12, r: typeof f.housedAt6Months) => [
    csvLine([`housed_${months}_months_cohort`, null, r.cohort]),
    csvLine([`housed_${months}_months`, null, r.housed]),
    csvLine([`housed_${months}_months_percent`, null, r.percent]),
  ];
  return [
    csvLine(['figure', 'breakdown', 'value']),
    csvLine(['served_with_rrh_or_hp', null, f.servedWithRrhOrHp]),
    ...retention(6, f.housedAt6Months),
    ...retention(12, f.housedAt12Months),
    ...f.amounts.flatMap((a) => [
      csvLine(['amount_cents', `${a.fundingSource} ${a.month}`, a.amountCents]),
      csvLine(['paid_cents', `${a.fundingSource} ${a.month}`, a.paidCents]),
    ]),
  ].join('');
}
