import type { PoolClient } from 'pg';
import { pagesOf } from '../src/store/export-scope';

/** A cursor whose pages are `pages` (rows per FETCH), then an error when `failAfter` is reached. */
function cursor(pages: number[], failAfter = Infinity) {
  const sql: string[] = [];
  let fetched = 0;
  const tx = {
    query: async (text: string) => {
      sql.push(text.split(' ')[0]!);
      if (!text.startsWith('FETCH')) return { rows: [] };
      if (fetched === failAfter) throw new Error('connection lost');
      return { rows: Array.from({ length: pages[fetched++] ?? 0 }, (_, i) => ({ i })) };
    },
  } as unknown as PoolClient;
  return { tx, sql };
}

test('a cursor is read page after page until a short page, then closed', async () => {
  const { tx, sql } = cursor([2000, 2000, 7]);
  const sizes: number[] = [];
  for await (const page of pagesOf(tx, 'c', 'SELECT 1')) sizes.push(page.length);
  expect(sizes).toEqual([2000, 2000, 7]);
  expect(sql).toEqual(['DECLARE', 'FETCH', 'FETCH', 'FETCH', 'CLOSE']);
});

test('a page that fails while the caller is still writing the last one is no unhandled rejection, and the caller sees the error', async () => {
  const unhandled: unknown[] = [];
  const listen = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listen);
  try {
    const { tx } = cursor([2000], 1);
    const pages = pagesOf(tx, 'c', 'SELECT 1');
    expect((await pages.next()).value).toHaveLength(2000);
    // the caller writes its page while the next FETCH fails
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
    await expect(pages.next()).rejects.toThrow('connection lost');
  } finally {
    process.off('unhandledRejection', listen);
  }
});
