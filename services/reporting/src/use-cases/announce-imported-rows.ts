import type { Actor } from '@hearth/access';
import { authorOf, recordEvents } from '@hearth/bus';
import { HmisClientImported, createEvent, type Envelope, type HmisClient } from '@hearth/events';
import type { PoolClient } from 'pg';
import type { ZipEntries } from '../adapters/zip-upload';
import { csvRecords } from '../domain/csv-read';
import { clientFacts, disablingAnswerOf } from '../domain/hud-client-facts';
import { HUD_FILES } from '../domain/hud-files';
import { disablingCodesOf, markAnnounced } from '../store/imported-clients-in-intake';

const BATCH = 500;

/**
 * Announces each client this import brought in (`reporting.hmis-client.imported`) so intake makes
 * them participants through its own matching; reporting never writes intake's tables. Called in
 * the transaction where Enrollment.csv landed, the file after Client.csv (IMPORTED_FILES), so a
 * client's disabling condition (3.08, asked at entry) is known when it is announced, and the rows
 * and their announcements commit together. Only the rows this import added: a refused row, or one an earlier import holds
 * (`alreadyHeld`), was not imported now and is not announced. Client.csv is read again from the
 * zip (its header was checked already), streamed: never the whole file in memory.
 */
export async function announceImportedClients(
  tx: PoolClient,
  // the route's actor carries the user's name; the type the import is given today does not say so
  actor: Actor & { name?: string },
  imported: { importId: string; exportId: string; zip: ZipEntries },
): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT personal_id AS id FROM hmis_imported_clients WHERE import_id = $1',
    [imported.importId],
  );
  const added = new Set(rows.map((r) => r.id));
  if (!added.size) return 0;
  const disabling = await disablingCodesOf(tx, imported.importId);
  const columns = HUD_FILES.Client;
  const records = csvRecords(await imported.zip.open('Client.csv'));
  await records.next(); // the header row
  let batch: Envelope<HmisClient>[] = [];
  let announced = 0;
  for await (const values of records) {
    const row = Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
    // a PersonalID twice in one file: the first row is the one that landed
    if (!added.delete(row.PersonalID!)) continue;
    // none collected (no enrollment, or 99 on each): absent, as on events from before the field;
    // intake has no value for "not collected", it holds none, and none is exported as 99
    const disablingCondition = disablingAnswerOf(disabling.get(row.PersonalID!));
    const data = HmisClientImported.data.safeParse({
      importId: imported.importId,
      exportId: imported.exportId,
      importerRoles: [...actor.roles],
      ...clientFacts(row),
      ...(disablingCondition ? { disablingCondition } : {}),
    });
    // an id longer than HUD's 32 characters cannot be announced: the row stays reporting's alone
    if (!data.success) continue;
    batch.push(
      createEvent(HmisClientImported, {
        orgId: actor.orgId,
        ...authorOf({ userId: actor.userId, name: actor.name ?? 'HMIS import' }),
        data: data.data,
      }),
    );
    if (batch.length >= BATCH) {
      await announce(tx, actor.orgId, batch);
      announced += batch.length;
      batch = [];
    }
  }
  await announce(tx, actor.orgId, batch);
  return announced + batch.length;
}

/** The announcements, and their rows marked as awaiting intake's answer. */
async function announce(tx: PoolClient, orgId: string, batch: Envelope<HmisClient>[]) {
  await recordEvents(tx, batch);
  await markAnnounced(
    tx,
    orgId,
    batch.map((e) => e.data.personalId),
  );
}
