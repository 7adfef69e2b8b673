import { StringDecoder } from 'node:string_decoder';

/** RFC 4180 CSV read a record at a time (quoted fields, "" for a quote, newlines inside quotes). */
export async function* csvRecords(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): AsyncGenerator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let first = true;
  // a character whose UTF-8 bytes straddle two chunks is decoded whole
  const utf8 = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : utf8.write(chunk);
    if (first) {
      text = text.replace(/^\uFEFF/, ''); // a byte-order mark some exporters write
      first = false;
    }
    for (const ch of text) {
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else field += ch;
      } else if (ch === '"') {
        if (afterQuote) field += '"'; // "" inside a quoted field
        quoted = true;
        afterQuote = false;
      } else if (ch === ',') {
        record.push(field);
        field = '';
        afterQuote = false;
      } else if (ch === '\n') {
        record.push(field.endsWith('\r') && !afterQuote ? field.slice(0, -1) : field);
        yield record;
        record = [];
        field = '';
        afterQuote = false;
      } else if (!(ch === '\r' && afterQuote)) {
        field += ch;
        afterQuote = false;
      }
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    yield record;
  }
}
