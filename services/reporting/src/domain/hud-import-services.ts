/**
 * Services.csv rows an import accepts (HMIS CSV FY2026 4.14 and the program-specific services):
 * HUD's RecordType, and the TypeProvided list that record type allows. Pure.
 */
import { RowReader, done, type Row } from './hud-row-reader';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * 1.4 RecordType → the TypeProvided codes of its list. The lists as HUD's CSV specification gives
 * them (FY2024's, which FY2026 keeps for these elements; HUD's FY2026 sample holds bed nights only).
 */
export const TYPES_PROVIDED: Readonly<Record<number, readonly number[]>> = {
  // P1.2 PATH-funded services (13 retired)
  141: [...range(1, 12), 14],
  // R14.2 RHY service connections
  142: [2, 5, 6, 7, 8, 10, 12, 13, 14, 17, 18, 26, 27, 28, 29],
  // W1.2 HOPWA services
  143: range(1, 14),
  // V2.2 SSVF services
  144: range(1, 9),
  // W2.2 HOPWA financial assistance
  151: [1, 2, 3, 4, 7],
  // V3.3 SSVF financial assistance (6, 7 and 13 retired)
  152: [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18],
  // P2.2 PATH referrals
  161: range(1, 11),
  // 4.14 Bed night
  200: [200],
  // V8.1 HUD-VASH OTH voucher tracking
  210: range(1, 12),
  // C2.2 Moving On assistance
  300: range(1, 5),
};
const RECORD_TYPES = Object.keys(TYPES_PROVIDED).map(Number);

export interface ImportedService {
  servicesId: string;
  enrollmentId: string;
  personalId: string;
  dateProvided: string;
  recordType: number;
  typeProvided: number;
  /** FAAmount, for the financial-assistance record types, in cents. */
  faAmountCents: number | null;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}

export function servicesRow(row: Row) {
  const r = new RowReader(row);
  const recordType = r.code('RecordType', RECORD_TYPES, true);
  const record: ImportedService = {
    servicesId: r.text('ServicesID', true)!,
    enrollmentId: r.text('EnrollmentID', true)!,
    personalId: r.text('PersonalID', true)!,
    dateProvided: r.day('DateProvided', true)!,
    recordType: recordType!,
    // its list is the record type's: nothing to check it against when that is not HUD's
    typeProvided:
      recordType === null ? 0 : r.code('TypeProvided', [...TYPES_PROVIDED[recordType]!], true)!,
    faAmountCents: r.cents('FAAmount'),
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
    dateDeleted: r.time('DateDeleted', false),
  };
  return done(r, record);
}
