import { existsSync, readFileSync } from 'node:fs';
import { HUD_FILES } from '../src/domain/hud-files';
import { unzip } from './zip';

/** HUD's own FY2026 sample export, where this machine keeps it (README of the service). */
const SAMPLE = '/work/shared/hud/sample-hmis-data-fy2026.zip';

test("the specification's 24 files are listed, Export first", () => {
  expect(Object.keys(HUD_FILES)).toHaveLength(24);
  expect(Object.keys(HUD_FILES)[0]).toBe('Export');
  expect(HUD_FILES.Client).toContain('Sex');
  expect(HUD_FILES.Client.at(-1)).toBe('ExportID');
});

(existsSync(SAMPLE) ? test : test.skip)(
  "the checked-in columns are the header rows of HUD's FY2026 sample export, file for file",
  () => {
    const sample = unzip(readFileSync(SAMPLE));
    const headers = Object.fromEntries(
      [...sample].map(([name, text]) => [
        name.replace(/\.csv$/, ''),
        text.slice(0, text.indexOf('\n')).replace(/\r$/, ''),
      ]),
    );
    expect(Object.keys(headers).sort()).toEqual(Object.keys(HUD_FILES).sort());
    for (const [file, columns] of Object.entries(HUD_FILES))
      expect({ file, header: headers[file] }).toEqual({ file, header: columns.join(',') });
  },
);
