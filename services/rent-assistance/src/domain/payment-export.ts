import { z } from 'zod';
import { isoDate } from '@hearth/http';
import { monthKey } from './engagement';
import { fundingSource } from './plan';

/**
 * A Keys to Progress payment's funding source: the guide's Payments tab holds only payments made
 * with the Keys to Progress contracts' funds ("do not enter payments provided by other funding
 * sources"), so a training or support payment has no plan naming one and is always this.
 */
export const KEYS_TO_PROGRESS_FUNDING = 'keys-to-progress';

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
  /** Rent's payment type, a training's payment type, or a support payment's support type. */
  paymentType: string;
  fundingSource: string;
  /** The month covered: rent payments only. */
  year: number | null;
  month: number | null;
  amountCents: number;
  participantId: string;
  status: string;
  id: string;
  category: string;
  trainingServiceId: string | null;
  fiscalReference: string | null;
}

/**
 * The columns an accounting import expects, in this order; the ledger's other kinds' columns come
 * after them, so an import reading the first ten by position reads every row alike.
 */
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
  'category',
  'training_service_id',
  'fiscal_reference',
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
  p.year === null || p.month === null ? null : monthKey(p.year, p.month),
  dollars(p.amountCents),
  p.participantId,
  p.status,
  p.id,
  p.category,
  p.trainingServiceId,
  p.fiscalReference,
];
