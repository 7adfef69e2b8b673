import type { Actor } from '@hearth/auth';
import { csvLine, forbidden } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { EXPORT_COLUMNS, exportCells, type PaymentExportQuery } from '../domain/payment-export';
import { exportPage } from '../store/payment-export';

const PAGE = 1000;

/**
 * The hub's payments for accounting, as CSV lines: the header, then a page of payments at a time
 * (a year of a finance hub's ledger never sits in memory, and no connection is held while a slow
 * reader takes a page). Hub staff only; refused before the first line.
 */
export function exportPayments(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  query: PaymentExportQuery,
): AsyncGenerator<string> {
  if (!actor.roles.includes('hub_staff'))
    throw forbidden("Only a hub's staff (hub_staff) export its payments.");
  const now = deps.clock();
  return (async function* lines() {
    let text = csvLine([...EXPORT_COLUMNS]); // the header goes with the first page
    let after: { paymentDate: string; id: string } | null = null;
    for (;;) {
      const page = await exportPage(deps.pool, actor, query, after, PAGE, now);
      yield text + page.map((p) => csvLine(exportCells(p))).join('');
      if (page.length < PAGE) return;
      after = page.at(-1)!;
      text = '';
    }
  })();
}
