import { z } from 'zod';
import { isoDate } from '@hearth/http';
import { monthKey } from './engagement';
import { fundingSource } from './plan';

export const paymentExportQuery = z
  .strictObject({
    from: isoDate().describe('First payment date, inclusive'),
    to: isoDate().describe('Last payment date, inclusive'),
    fundingSource: fundingSource.optional().describe('Only the payments of this funding source'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'On or after from' });
export type PaymentExportQuery = z.infer<typeof paymentExportQuery>;

/** One payment as the export reads it. */
export interface ExportedPayment {
  paymentDate: string;
  payee: string;
  paidTo: string;
  paymentType: string;
  fundingSource: string;
  year: number;
  month: number;
  amountCents: number;
  participantId: string;
  status: string;
  id: string;
}

/** The columns an accounting import expects, in this order. */
export const EXPORT_COLUMNS = [
  'payment_date',
  'payee',
  'paid_to',
  'payment_type',
  'funding_source',
  'month_covered',
  'amount',
  'participant_reference_id',
  'status',
  'payment_id',
] as const;

/** Cents as dollars with two decimals ("1234.05"): in the CSV only, never stored or computed on. */
export const dollars = (cents: number) =>
  `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export const exportCells = (p: ExportedPayment) => [
  p.paymentDate,
  p.payee,
  p.paidTo,
  p.paymentType,
  p.fundingSource,
  monthKey(p.year, p.month),
  dollars(p.amountCents),
  p.participantId,
  p.status,
  p.id,
];
