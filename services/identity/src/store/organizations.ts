import type { Queryable } from '@hearth/db';
import { cursorCodec, isUniqueViolation } from '@hearth/http';
import { z } from 'zod';
import type {
  NewOrganization,
  OrganizationChanges,
  OrganizationView,
} from '../domain/organizations';

/** The last lower-cased name of a page. */
const cursor = cursorCodec(z.string().min(1).max(300));

interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationView['kind'];
  time_zone: string;
  created_at: Date;
}

const toView = (r: OrganizationRow): OrganizationView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  timeZone: r.time_zone,
  createdAt: r.created_at.toISOString(),
});

/** The new organization, or 'name_taken' when another has the same name in any letter case. */
export async function insertOrganization(
  db: Queryable,
  org: Required<NewOrganization> & { id: string },
): Promise<OrganizationView | 'name_taken'> {
  try {
    const { rows } = await db.query<OrganizationRow>(
      'INSERT INTO organizations (id, name, kind, time_zone) VALUES ($1, $2, $3, $4) RETURNING *',
      [org.id, org.name, org.kind, org.timeZone],
    );
    return toView(rows[0]);
  } catch (err) {
    if (isUniqueViolation(err)) return 'name_taken';
    throw err;
  }
}

export async function findOrganization(
  db: Queryable,
  id: string,
): Promise<OrganizationView | undefined> {
  const { rows } = await db.query<OrganizationRow>('SELECT * FROM organizations WHERE id = $1', [
    id,
  ]);
  return rows[0] && toView(rows[0]);
}

/** Alphabetical, paged by the (unique) lower-cased name. */
export async function listOrganizations(db: Queryable, page: { limit: number; cursor?: string }) {
  const { rows } = await db.query<OrganizationRow>(
    `SELECT * FROM organizations WHERE $1::text IS NULL OR lower(name) > $1
     ORDER BY lower(name) LIMIT $2`,
    [cursor.decode(page.cursor) ?? null, page.limit + 1],
  );
  return cursor.page(rows.map(toView), page.limit, (o) => o.name.toLowerCase());
}

/** The organization as changed; undefined when there is none with this id. */
export async function updateOrganization(
  db: Queryable,
  id: string,
  changes: OrganizationChanges,
): Promise<OrganizationView | undefined> {
  const { rows } = await db.query<OrganizationRow>(
    'UPDATE organizations SET time_zone = $2 WHERE id = $1 RETURNING *',
    [id, changes.timeZone],
  );
  return rows[0] && toView(rows[0]);
}
