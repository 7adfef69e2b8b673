import type { Queryable } from '@hearth/db';
import { cursorCodec, isUniqueViolation } from '@hearth/http';
import { z } from 'zod';
import type { MembershipView, Role, UserView } from '../domain/users';

/** The last email of a page (users and invitations are listed by email). */
export const emailCursor = cursorCodec(z.string().min(1).max(320));

/** Everything a login decides on. The hash never leaves the login handler. */
export interface UserCredentials {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  disabled: boolean;
  memberships: MembershipView[];
}

const MEMBERSHIPS = `COALESCE((
  SELECT json_agg(json_build_object('organizationId', o.id, 'organizationName', o.name,
                                    'roles', m.roles) ORDER BY o.name)
  FROM memberships m JOIN organizations o ON o.id = m.org_id WHERE m.user_id = u.id), '[]')`;

export async function findCredentials(
  db: Queryable,
  email: string,
): Promise<UserCredentials | undefined> {
  const { rows } = await db.query<UserCredentials>(
    `SELECT u.id, u.email, u.name, u.password_hash AS "passwordHash", u.disabled,
            ${MEMBERSHIPS} AS memberships
     FROM users u WHERE u.email = $1`,
    [email],
  );
  return rows[0];
}

/** The user's own profile: who they are and every organization they work for. */
export async function findProfile(db: Queryable, userId: string) {
  const { rows } = await db.query<{
    id: string;
    email: string;
    name: string;
    memberships: MembershipView[];
  }>(`SELECT u.id, u.email, u.name, ${MEMBERSHIPS} AS memberships FROM users u WHERE u.id = $1`, [
    userId,
  ]);
  return rows[0];
}

/** The new user's id, or 'email_taken' when someone registered the email meanwhile. */
export async function insertUser(
  db: Queryable,
  user: { id: string; email: string; name: string; passwordHash: string },
): Promise<string | 'email_taken'> {
  try {
    await db.query('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [
      user.id,
      user.email,
      user.name,
      user.passwordHash,
    ]);
    return user.id;
  } catch (err) {
    if (isUniqueViolation(err)) return 'email_taken';
    throw err;
  }
}

/** False when the user already belongs to the organization (their roles there are left as they are). */
export async function addMembership(
  db: Queryable,
  m: { userId: string; orgId: string; roles: Role[] },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO memberships (user_id, org_id, roles) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, org_id) DO NOTHING`,
    [m.userId, m.orgId, m.roles],
  );
  return rowCount === 1;
}

/** The users of one organization with their roles in it, by email, paged. */
export async function listMembers(
  db: Queryable,
  orgId: string,
  page: { limit: number; cursor?: string },
) {
  const { rows } = await db.query<UserView>(
    `SELECT u.id, u.email, u.name, u.disabled, m.roles
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.org_id = $1 AND ($2::text IS NULL OR u.email > $2)
     ORDER BY u.email LIMIT $3`,
    [orgId, emailCursor.decode(page.cursor) ?? null, page.limit + 1],
  );
  return emailCursor.page(rows, page.limit, (u) => u.email);
}

/** False when the user is no member of the organization. */
export async function removeMembership(db: Queryable, m: { userId: string; orgId: string }) {
  const { rowCount } = await db.query(
    'DELETE FROM memberships WHERE user_id = $1 AND org_id = $2',
    [m.userId, m.orgId],
  );
  return rowCount === 1;
}
