/**
 * The catalog type an imported Services.csv row is recorded as: one per HUD RecordType (HMIS CSV
 * 1.4) and TypeProvided code, named so a worker reads which element it came from. Pure.
 */

/** 1.4 RecordType → the data element it records, in HUD's words. */
const RECORD_TYPES: Readonly<Record<number, string>> = {
  141: 'PATH service (P1.2)',
  142: 'RHY service connection (R14.2)',
  143: 'HOPWA service (W1.2)',
  144: 'SSVF service (V2.2)',
  151: 'HOPWA financial assistance (W2.2)',
  152: 'SSVF financial assistance (V3.3)',
  161: 'PATH referral (P2.2)',
  200: 'Bed night (4.14)',
  210: 'HUD-VASH OTH voucher tracking (V8.1)',
  300: 'Moving On assistance (C2.2)',
};

/** The financial-assistance record types: the only ones whose FAAmount is an amount here. */
const FINANCIAL_ASSISTANCE = new Set([151, 152]);

export interface HudServiceCode {
  recordType: number;
  typeProvided: number;
}

/** "Bed night (4.14)" for the one type of its list, else "… type 3"; never another type's name. */
export function hudServiceTypeName(code: HudServiceCode): string {
  const element = RECORD_TYPES[code.recordType] ?? `HUD RecordType ${code.recordType}`;
  const name = code.recordType === 200 ? element : `${element} type ${code.typeProvided}`;
  return `HMIS import: ${name}`;
}

export const takesAmount = (code: HudServiceCode) => FINANCIAL_ASSISTANCE.has(code.recordType);
