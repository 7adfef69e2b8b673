/**
 * CSV for spreadsheets and accounting imports (RFC 4180: comma-separated, CRLF line ends, a cell
 * quoted when it holds a quote, comma or line break, its quotes doubled). A text cell that starts
 * like a formula (= + - @, or the tab and carriage return some programs skip before one) is
 * prefixed with ' so a spreadsheet shows it instead of running it (OWASP "CSV injection"): a payee
 * named "=HYPERLINK(...)" stays a name.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of cells, with its CRLF. */
export const csvLine = (cells: ReadonlyArray<string | number | null>) =>
  `${cells.map(csvCell).join(',')}\r\n`;
