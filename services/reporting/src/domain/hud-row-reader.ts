/**
 * Reads one imported HMIS CSV row's columns against HUD's forms: required, `yyyy-mm-dd` dates,
 * `yyyy-mm-dd hh:mm:ss` times, integer codes from a list, dollars. Every problem is collected, not
 * just the first, so a refused row names each column at fault.
 */
export interface RowProblem {
  column: string;
  message: string;
}
export type Row = Record<string, string>;

/** HUD's longest text fields are 200 characters (S200: names of organizations and projects). */
const MAX_TEXT = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A real calendar day (2026-02-30 is not), as `yyyy-mm-dd`. */
function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads one row's columns, collecting every problem instead of stopping at the first. */
export class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(private readonly row: Row) {}

  fail(column: string, message: string): null {
    this.problems.push({ column, message });
    return null;
  }

  text(column: string, required: boolean): string | null {
    const v = this.row[column] ?? '';
    if (v === '') return required ? this.fail(column, 'Required') : null;
    // Postgres keeps no NUL in text, and an id past this no longer fits an index: a hostile row,
    // refused here rather than failing its whole file's transaction
    if (v.includes('\u0000')) return this.fail(column, 'Holds a NUL character');
    if (v.length > MAX_TEXT) return this.fail(column, `Longer than ${MAX_TEXT} characters`);
    return v;
  }

  day(column: string, required: boolean): string | null {
    const v = this.text(column, required);
    if (v === null) return null;
    return isDay(v) ? v : this.fail(column, 'Not a date (yyyy-mm-dd)');
  }

  time(column: string, required = true): string | null {
    const v = this.text(column, required);
    if (v === null) return null;
    return TIME.test(v) && isDay(v.slice(0, 10))
      ? v
      : this.fail(column, 'Not a date and time (yyyy-mm-dd hh:mm:ss)');
  }

  code(column: string, list: number[], required: boolean): number | null {
    const v = this.text(column, required);
    if (v === null) return null;
    const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
    return list.includes(n) ? n : this.fail(column, `Not in HUD's code list: ${v}`);
  }

  /** Dollars as HUD writes them (`1234.56`), kept as integer cents (under $10 million: an int). */
  cents(column: string): number | null {
    const v = this.text(column, false);
    if (v === null) return null;
    const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(v);
    return m
      ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
      : this.fail(column, 'Not an amount in dollars (1234.56)');
  }
}

export type Checked<T> = { record: T; problems: [] } | { record: null; problems: RowProblem[] };
export const done = <T>(r: RowReader, record: T): Checked<T> =>
  r.problems.length ? { record: null, problems: r.problems } : { record, problems: [] };
