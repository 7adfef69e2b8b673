import type { Cell } from './hud-csv';
import { HUD_FILES, type HudColumn, type HudFile } from './hud-files';

/**
 * A file's columns by position: a record is built as cells in the file's column order, each
 * written into its column's slot (`at.PersonalID`), so no record is looked up by name per column
 * (that lookup, and the objects spread together per row, were most of a large export's time).
 */
export interface Layout<F extends HudFile> {
  at: Record<HudColumn<F>, number>;
  /** Where the export's id goes: the last column of every file, and Export's first too. */
  exportIdAt: readonly number[];
  /** A record of empty cells, to fill by position. */
  blank(): Cell[];
}

const layouts = new Map<HudFile, Layout<HudFile>>();

export function layoutOf<F extends HudFile>(file: F): Layout<F> {
  const known = layouts.get(file);
  if (known) return known as Layout<F>;
  const columns: readonly string[] = HUD_FILES[file];
  const at = Object.fromEntries(columns.map((c, i) => [c, i])) as Record<HudColumn<F>, number>;
  const exportIdAt = columns.flatMap((c, i) => (c === 'ExportID' ? [i] : []));
  const width = columns.length;
  const layout: Layout<F> = { at, exportIdAt, blank: () => new Array<Cell>(width) };
  layouts.set(file, layout as Layout<HudFile>);
  return layout;
}
