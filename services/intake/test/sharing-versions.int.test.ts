import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busMigrations } from '@hearth/bus';
import { createPool, migrate } from '@hearth/db';
import { SharingStateChangedV2, isEvent, parseEvent } from '@hearth/events';
import { createTestDatabase, outboxEvents, testLogger } from '@hearth/testkit';

const logger = testLogger('intake');
const migrations = join(__dirname, '..', 'migrations');

/** Intake's migrations before sharing versions existed, to hold a participant from back then. */
function migrationsBefore(version: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'intake-migrations-'));
  for (const file of readdirSync(migrations).filter((f) => parseInt(f, 10) < version))
    copyFileSync(join(migrations, file), join(dir, file));
  return dir;
}

describe('sharing versions for participants taken in before them', () => {
  it('announces each one once, at version 1, with their restriction and every release', async () => {
    const db = await createTestDatabase('intake-sharing-versions');
    const pool = createPool(db.url, logger);
    try {
      await migrate(pool, [busMigrations, { scope: 'intake', dir: migrationsBefore(5) }], logger);
      const [participantId, ownerOrgId, toOrgId, releaseId] = [1, 2, 3, 4].map(() => randomUUID());
      await pool.query(
        `INSERT INTO participants (id, owner_org_id, first_name, last_name, birth_date, security_restriction, created_by)
         VALUES ($1, $2, 'Layla', 'Karimi', '1992-07-19', 'share_mou', $3)`,
        [participantId, ownerOrgId, randomUUID()],
      );
      await pool.query(
        `INSERT INTO information_releases (id, participant_id, to_org_id, begin_date, end_date, signed_by, revoked_at)
         VALUES ($1, $2, $3, '2026-01-01', '2026-12-31', 'Layla Karimi', '2026-03-04T05:06:07.089Z')`,
        [releaseId, participantId, toOrgId],
      );

      await migrate(pool, [busMigrations, { scope: 'intake', dir: migrations }], logger);

      const recorded = await outboxEvents(pool, SharingStateChangedV2);
      expect(recorded).toHaveLength(1);
      const event = parseEvent(recorded[0]); // exactly what a consumer will accept
      // migration 005 announced them as v2 (libs/sharing still applies it, every release full)
      expect(isEvent(event, SharingStateChangedV2)).toBe(true);
      expect(event.data).toEqual({
        participantId,
        ownerOrgId,
        securityRestriction: 'share_mou',
        sharingVersion: 1,
        releases: [
          {
            releaseId,
            toOrgId,
            beginDate: '2026-01-01',
            endDate: '2026-12-31',
            revokedAt: '2026-03-04T05:06:07.089Z',
          },
        ],
      });
      const version = await pool.query('SELECT sharing_version FROM participants');
      expect(version.rows).toEqual([{ sharing_version: 1 }]);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
