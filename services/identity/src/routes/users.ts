import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import {
  conflict,
  defineRoute,
  notFound,
  page,
  pageQuery,
  unprocessable,
  type Api,
} from '@hearth/http';
import type { IdentityContext } from '../context';
import { hashPassword } from '../domain/passwords';
import { newUser, profileView, userView, type UserView } from '../domain/users';
import {
  addMembership,
  findCredentials,
  findProfile,
  insertUser,
  listMembers,
} from '../store/users';

const alreadyMember = () =>
  conflict('This user is already a member of your organization.', [
    { field: 'email', message: 'Already a member' },
  ]);

export function userRoutes(api: Api, ctx: IdentityContext) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/users',
    summary:
      "Add a user to the admin's organization: a new account, or (same email, no password) an existing user joining it",
    tag: 'users',
    body: newUser,
    success: { status: 201, schema: userView },
    handler: async ({ body, req }): Promise<UserView> => {
      const admin = requireRole(req, 'admin');
      const membership = { orgId: admin.orgId, roles: body.roles };
      const existing = await findCredentials(ctx.pool, body.email);
      if (existing) {
        // Their password and name are their own; another organization's admin does not set them.
        if (body.password !== undefined) {
          throw conflict('A user with this email exists; add them without a password.', [
            { field: 'password', message: 'Must be absent for an existing user' },
          ]);
        }
        if (!(await addMembership(ctx.pool, { ...membership, userId: existing.id })))
          throw alreadyMember();
        const { id, email, name, disabled } = existing;
        return { id, email, name, disabled, roles: body.roles };
      }
      if (body.password === undefined) {
        throw unprocessable('A new user needs a password.', [
          { field: 'password', message: 'Required for a new user (12 to 200 characters)' },
        ]);
      }
      const passwordHash = await hashPassword(body.password); // slow on purpose: outside the transaction
      const id = await withTransaction(ctx.pool, async (tx) => {
        const { email, name } = body;
        const created = await insertUser(tx, { id: randomUUID(), email, name, passwordHash });
        if (created !== 'email_taken') await addMembership(tx, { ...membership, userId: created });
        return created;
      });
      if (id === 'email_taken') {
        throw conflict(
          'A user with this email was created a moment ago; add them without a password.',
          [{ field: 'email', message: 'Already registered' }],
        );
      }
      return { id, email: body.email, name: body.name, disabled: false, roles: body.roles };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users',
    summary: "List the users of the admin's organization with their roles in it",
    tag: 'users',
    query: z.strictObject(pageQuery),
    success: { status: 200, schema: page(userView) },
    handler: async ({ query, req }) => {
      const admin = requireRole(req, 'admin');
      return listMembers(ctx.pool, admin.orgId, query);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users/me',
    summary: 'Your own profile and every organization you belong to',
    tag: 'users',
    success: { status: 200, schema: profileView },
    handler: async ({ req }) => {
      const actor = actorOf(req);
      const profile = await findProfile(ctx.pool, actor.userId);
      if (!profile) throw notFound('Your user account');
      const { memberships, ...user } = profile;
      return { ...user, currentOrganizationId: actor.orgId, organizations: memberships };
    },
  });
}
