import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool } from '@hearth/db';
import type { Logger } from '@hearth/logging';
import type { OrganizationKind } from './domain/organizations';
import { hashPassword } from './adapters/passwords';
import type { Role } from './domain/users';
import { announceMember, announceOrganization } from './events/announce';
import { atStart, ensureSystemAdmin } from './use-cases/ensure-system-admin';

/** DEMO ONLY: a published password, for local runs and demos; never seed a real deployment. */
const DEMO_PASSWORD = 'demo-password-1';

/** The demo continuum's agencies all work on Chicago's calendar. */
const DEMO_TIME_ZONE = 'America/Chicago';
const LAKESHORE = 'Lakeshore Refugee Resettlement';
const METRO_CE = 'Metro Coordinated Entry';
const NORTHSIDE = 'Northside Rent Assistance Hub';

/** The demo continuum's HMIS lead, as SYSTEM_ADMIN_* would make it in a real deployment. */
export const demoSystemAdmin = {
  email: 'system_admin@hmis-lead.example',
  password: DEMO_PASSWORD,
  organization: 'Metro Continuum HMIS Lead',
  timeZone: DEMO_TIME_ZONE,
};

export const demoOrganizations: Array<{ name: string; kind: OrganizationKind }> = [
  { name: LAKESHORE, kind: 'refugee_resettlement' },
  { name: METRO_CE, kind: 'coordinated_entry' },
  { name: NORTHSIDE, kind: 'rent_assistance_hub' },
];

interface DemoUser {
  email: string;
  name: string;
  memberships: Array<{ organization: string; roles: Role[] }>;
}

const DEMO_USERS: DemoUser[] = [
  ['caseworker@lakeshore.example', 'Casey Worker', LAKESHORE, 'caseworker'] as const,
  ['supervisor@lakeshore.example', 'Sam Supervisor', LAKESHORE, 'supervisor'] as const,
  ['ce_manager@metro-ce.example', 'Morgan Entry', METRO_CE, 'ce_manager'] as const,
  ['hub_staff@northside-hub.example', 'Harper Hub', NORTHSIDE, 'hub_staff'] as const,
  ['contract_manager@lakeshore.example', 'Chris Contracts', LAKESHORE, 'contract_manager'] as const,
  ['admin@lakeshore.example', 'Avery Admin', LAKESHORE, 'admin'] as const,
  // types in services Lakeshore's caseworkers provided, naming them as staff
  ['data_entry@lakeshore.example', 'Dee Entry', LAKESHORE, 'data_entry'] as const,
]
  .map(([email, name, organization, role]): DemoUser => ({
    email,
    name,
    memberships: [{ organization, roles: [role] }],
  }))
  .concat({
    email: 'multi@demo.example',
    name: 'Morgan Multi',
    memberships: [
      { organization: LAKESHORE, roles: ['caseworker'] },
      { organization: NORTHSIDE, roles: ['hub_staff'] },
    ],
  });

/** What `npm start` prints: who can log in, and as what. */
export const demoLogins = [
  {
    email: demoSystemAdmin.email,
    password: DEMO_PASSWORD,
    description: `system_admin (registers organizations) at ${demoSystemAdmin.organization}`,
  },
  ...DEMO_USERS.map((u) => ({
    email: u.email,
    password: DEMO_PASSWORD,
    description: u.memberships.map((m) => `${m.roles.join(', ')} at ${m.organization}`).join('; '),
  })),
];

/**
 * The demo HMIS lead's system_admin, the agencies it registers and one user per role. Idempotent
 * (and safe when two instances start at once): what exists is left as it is, including passwords
 * a demo user may have changed. What is made is announced (organization and user events).
 */
export async function seedDemo(pool: Pool, logger?: Logger): Promise<void> {
  await ensureSystemAdmin(pool, demoSystemAdmin);
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  await withTransaction(pool, async (tx) => {
    const orgIds = new Map<string, string>();
    for (const org of demoOrganizations) {
      const made = await tx.query<{ id: string }>(
        `INSERT INTO organizations (id, name, kind, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [randomUUID(), org.name, org.kind, DEMO_TIME_ZONE],
      );
      if (made.rows[0]) await announceOrganization(tx, 'created', made.rows[0].id, atStart());
      const { rows } = await tx.query<{ id: string }>(
        'SELECT id FROM organizations WHERE lower(name) = lower($1)',
        [org.name],
      );
      orgIds.set(org.name, rows[0].id);
    }
    for (const [i, user] of DEMO_USERS.entries()) {
      await tx.query(
        `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING`,
        [randomUUID(), user.email, user.name, hashes[i]],
      );
      for (const m of user.memberships) {
        const joined = await tx.query<{ userId: string; orgId: string }>(
          `INSERT INTO memberships (user_id, org_id, roles)
           SELECT id, $2, $3 FROM users WHERE email = $1 ON CONFLICT DO NOTHING
           RETURNING user_id AS "userId", org_id AS "orgId"`,
          [user.email, orgIds.get(m.organization), m.roles],
        );
        if (joined.rows[0]) await announceMember(tx, 'created', joined.rows[0], atStart());
      }
    }
  });
  logger?.info({ users: DEMO_USERS.length }, 'demo data seeded (demo-only passwords)');
}
