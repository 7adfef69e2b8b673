import { unzip } from './zip';

/** One CSV line's fields as written (a quoted field unquoted), for reading an export in tests. */
export function fields(line: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let value = '';
      at++;
      for (;;) {
        const quote = line.indexOf('"', at);
        value += line.slice(at, quote);
        at = quote + 1;
        if (line[at] === '"') {
          value += '"';
          at++;
        } else break;
      }
      out.push(value);
      at++; // the comma
    } else {
      const comma = line.indexOf(',', at);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return out;
}

/** An exported zip as files of records keyed by column, and each file's raw lines. */
export function readExport(zip: Buffer) {
  const files = unzip(zip);
  const lines = (file: string) => files.get(`${file}.csv`)!.split('\n').slice(0, -1);
  const records = (file: string) => {
    const [header, ...rows] = lines(file);
    const columns = header!.split(',');
    return rows.map((row) => Object.fromEntries(fields(row).map((v, i) => [columns[i], v])));
  };
  return { files, lines, records };
}
