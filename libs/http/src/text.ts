import type { FieldError } from './problem';

/**
 * Control characters refused in every string a client sends: C0 except tab, line feed and carriage
 * return (case notes are multi-line), DEL and C1. Postgres cannot store NUL in text at all, and the
 * others corrupt exports, logs and screens downstream.
 */
const CONTROLS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
export const CONTROL_CHARACTER = new RegExp(`[${CONTROLS}]`);
/** The same rule as a JSON Schema pattern, written with escapes so the document stays readable. */
export const TEXT_PATTERN = `^[^${CONTROLS}]*$`;
const MESSAGE = 'Control characters are not allowed (tab and line breaks are)';

/**
 * One entry per string (or object key) in a parsed request value that holds a control character,
 * named the way fieldErrors names a field. Run on the raw input before any schema, so no route and
 * no later service has to remember it.
 */
export function controlCharacterErrors(value: unknown, prefix?: string): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'string') {
      if (CONTROL_CHARACTER.test(v))
        errors.push({ field: path.join('.') || '(body)', message: MESSAGE });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, String(i)]));
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (CONTROL_CHARACTER.test(key))
          errors.push({ field: [...path, JSON.stringify(key)].join('.'), message: MESSAGE });
        else walk(item, [...path, key]);
      }
    }
  };
  walk(value, prefix ? [prefix] : []);
  return errors;
}
