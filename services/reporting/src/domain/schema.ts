/**
 * A pure rule (no I/O, no HTTP errors): the schema version is the highest number among the
 * migrations that ran (`010_more.sql` is 10), compared as numbers, never as text; 0 before any.
 */
export function schemaVersion(migrations: readonly string[]): number {
  return Math.max(0, ...migrations.map((name) => Number.parseInt(name, 10) || 0));
}
