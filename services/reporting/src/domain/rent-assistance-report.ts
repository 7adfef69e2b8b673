import { measurePercent } from '@hearth/events';
import { addMonths } from '@hearth/time';

/** A hub's rent-assistance record as the measures see it (store/rent-assistance.ts). */
export interface RaEpisode {
  enrollmentId: string;
  participantId: string;
  exitDate: string | null;
  preProgramExit: boolean;
  receivedRaAgain: boolean;
  /** A Rapid Rehousing or Homeless Prevention service, ever; and one dated in the period. */
  housingSupport: boolean;
  housingSupportInPeriod: boolean;
  sixMonths: string | null;
  twelveMonths: string | null;
}

export interface RaPayment {
  paymentId: string;
  enrollmentId: string;
  participantId: string;
  fundingSource: string;
  month: string;
  amountCents: number;
  status: string;
}

export const raFigures = [
  'served',
  'cohort6',
  'housed6',
  'cohort12',
  'housed12',
  'payments',
] as const;
export type RaFigure = (typeof raFigures)[number];

export interface RaListed {
  participantId: string;
  enrollmentId: string;
  detail: string | null;
}

/**
 * The hub's measures as rent-assistance gives them (its README, Measures): over its episodes that
 * received Rapid Rehousing or Homeless Prevention, never a pre-program exit nor one received RA
 * again: persons served (an RRH/HP service in the period; linked records once), and for 6 and 12
 * months the cohort whose retention point (exit date + months) falls in the period and how many
 * of it were recorded housed then (anything else counts as not housed), in percent with one
 * decimal. Retention cohorts count episodes, as rent-assistance does. Amounts: per funding source
 * and month covered, in cents, voided payments left out (`paidCents`: those paid).
 */
export function rentAssistanceReport(
  period: { from: string; to: string },
  episodes: RaEpisode[],
  payments: RaPayment[],
  personOf: (participantId: string) => string,
) {
  const counted = episodes.filter(
    (e) => e.housingSupport && !e.preProgramExit && !e.receivedRaAgain,
  );
  const served = counted.filter((e) => e.housingSupportInPeriod);
  const cohort = (months: number) =>
    counted.filter((e) => {
      if (!e.exitDate) return false;
      const point = addMonths(e.exitDate, months);
      return point >= period.from && point <= period.to;
    });
  const cohort6 = cohort(6);
  const cohort12 = cohort(12);
  const housed6 = cohort6.filter((e) => e.sixMonths === 'housed');
  const housed12 = cohort12.filter((e) => e.twelveMonths === 'housed');

  const live = payments.filter((p) => p.status !== 'voided');
  const sums = new Map<
    string,
    { fundingSource: string; month: string; amountCents: number; paidCents: number }
  >();
  for (const p of live) {
    const key = `${p.fundingSource}\u0000${p.month}`;
    const sum = sums.get(key) ?? {
      fundingSource: p.fundingSource,
      month: p.month,
      amountCents: 0,
      paidCents: 0,
    };
    sum.amountCents += p.amountCents;
    if (p.status === 'paid') sum.paidCents += p.amountCents;
    sums.set(key, sum);
  }
  const asListed = (e: RaEpisode): RaListed => ({
    participantId: e.participantId,
    enrollmentId: e.enrollmentId,
    detail: e.exitDate,
  });
  return {
    figures: {
      servedWithRrhOrHp: new Set(served.map((e) => personOf(e.participantId))).size,
      housedAt6Months: {
        cohort: cohort6.length,
        housed: housed6.length,
        percent: measurePercent(housed6.length, cohort6.length),
      },
      housedAt12Months: {
        cohort: cohort12.length,
        housed: housed12.length,
        percent: measurePercent(housed12.length, cohort12.length),
      },
      amounts: [...sums.values()],
    },
    listed: {
      served: served.map(asListed),
      cohort6: cohort6.map(asListed),
      housed6: housed6.map(asListed),
      cohort12: cohort12.map(asListed),
      housed12: housed12.map(asListed),
      payments: live.map((p) => ({
        participantId: p.participantId,
        enrollmentId: p.enrollmentId,
        detail: `${p.fundingSource}:${p.month}:${p.amountCents}:${p.status}`,
      })),
    } satisfies Record<RaFigure, RaListed[]>,
  };
}
