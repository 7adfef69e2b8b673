import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { roleAllows, type Action } from '@hearth/access';
import { actorOf, type Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { FamilyChanged, createEvent } from '@hearth/events';
import {
  Problem,
  conflict,
  defineRoute,
  forbidden,
  idParams,
  notFound,
  onUniqueViolation,
  uuid,
} from '@hearth/http';
import type { Api } from '@hearth/http';
import type { ServiceContext } from '@hearth/runtime';
import { participantFor } from '../access';
import type { IntakeEnv } from '../config';
import * as rules from '../domain/families';
import type { ParticipantView } from '../domain/participant';
import * as store from '../store/families';

const { HEAD, headChange, newFamily, newMember } = rules;
const today = () => new Date().toISOString().slice(0, 10); // UTC, as information releases count days
const membership = z.object({ participantId: z.string(), relationship: z.string() }).passthrough();
const family = z.object({ id: z.string(), members: z.array(membership) }).passthrough();
const memberParams = z.strictObject({ id: uuid(), participantId: uuid() });

function writer(req: Request): Actor {
  const actor = actorOf(req);
  if (!roleAllows(actor, 'write')) throw forbidden('Your role cannot change families.');
  return actor;
}

async function announce(tx: Queryable, actor: Actor, familyId: string, removed: string[]) {
  const active = await store.activeMembers(tx, familyId);
  const data = rules.familySnapshot(familyId, active, removed);
  await recordEvent(
    tx,
    createEvent(FamilyChanged, {
      orgId: actor.orgId,
      ...authorOf(actor),
      data,
    }),
  );
  return active;
}

/**
 * Access checks run on the pool before the change's transaction, so a denial's audit row survives
 * the 404; the transaction then re-checks what it relies on under a lock.
 */
export function familyRoutes(api: Api, ctx: ServiceContext<IntakeEnv>) {
  const { pool } = ctx;
  const seenOrNull = (actor: Actor, id: string, action: Action) =>
    participantFor(pool, actor, id, action).catch((err: unknown) => {
      if (err instanceof Problem && err.status === 404) return null;
      throw err;
    });
  // One transaction per request; a unique index lost to a concurrent request is a 409, not a 500.
  const change = <T>(work: (tx: Queryable) => Promise<T>) =>
    withTransaction(pool, work).catch(
      onUniqueViolation(
        conflict('Someone changed these families at the same time; reload and try again.'),
      ),
    );
  /**
   * Changing a family needs write access to the family itself, which is its head's: a member shared
   * with another organization is no way into a family whose head that organization may not change.
   */
  async function gateFamily(actor: Actor, familyId: string): Promise<string> {
    const head = rules.headOf(await store.activeMembers(pool, familyId));
    if (!head || !(await seenOrNull(actor, head.participantId, 'write')))
      throw notFound('The family');
    return head.participantId;
  }
  /**
   * The other families an addition changes: the ones the participant leaves, and the one that stops
   * being their current family (which changes that household's eligibility as much as leaving).
   */
  async function otherFamiliesChanged(
    db: Queryable,
    familyId: string,
    participantId: string,
    body: { makeCurrentFamily: boolean; leaveOtherFamilies: boolean },
  ): Promise<string[]> {
    const stays = (await store.activeStaysOf(db, participantId)).filter(
      (s) => s.familyId !== familyId,
    );
    return stays
      .filter((s) => body.leaveOtherFamilies || (body.makeCurrentFamily && s.isCurrentFamily))
      .map((s) => s.familyId);
  }
  /** Each of those families needs the same write access as the family joined. */
  async function gateOtherFamilies(actor: Actor, familyIds: string[], leaving: boolean) {
    for (const other of familyIds) {
      const head = rules.headOf(await store.activeMembers(pool, other));
      if (head && !(await seenOrNull(actor, head.participantId, 'write')))
        throw new Problem(
          403,
          'Forbidden',
          'The participant is also in a family your organization cannot change; only its organization can take them out of it.',
          [
            leaving
              ? { field: 'leaveOtherFamilies', message: 'Leave out, or set to false' }
              : { field: 'makeCurrentFamily', message: 'Set to false to keep that family current' },
          ],
        );
    }
  }
  /** The family's active members, locked; 404 when it vanished or the member we were let in by left. */
  async function lockedMembers(tx: Queryable, familyId: string, gateId?: string) {
    const active = (await store.lockFamilies(tx, [familyId])).length
      ? await store.activeMembers(tx, familyId)
      : [];
    if (!active.length || (gateId && !active.some((m) => m.participantId === gateId)))
      throw notFound('The family');
    return active;
  }

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'post',
    path: '/families',
    summary: 'Create a family: its head and members with their relationship to the head',
    body: newFamily,
    success: { status: 201, schema: family },
    handler: async ({ body, req, res }) => {
      const actor = writer(req);
      rules.checkNewFamily(body);
      const wanted = [
        { participantId: body.headParticipantId, relationship: HEAD },
        ...body.members,
      ];
      const people = new Map<string, ParticipantView>();
      for (const m of wanted)
        people.set(m.participantId, await participantFor(pool, actor, m.participantId, 'write'));
      const view = await change(async (tx) => {
        const created = await store.insertFamily(tx, randomUUID(), actor.orgId);
        for (const m of wanted) {
          // someone already current elsewhere (a child living in two households) keeps that family
          const isCurrentFamily = !(await store.hasCurrentFamily(tx, m.participantId));
          await store.insertMember(tx, {
            familyId: created.id,
            joinedOn: today(),
            isCurrentFamily,
            ...m,
          });
        }
        return rules.familyView(created, await announce(tx, actor, created.id, []), people);
      });
      res.location(`/api/v1/families/${view.id}`);
      return view;
    },
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'get',
    path: '/families/:id',
    summary: 'A family and its current members, as far as the actor may see them',
    params: idParams,
    success: { status: 200, schema: family },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const { id } = params;
      const found = await store.findFamily(pool, id);
      const active = found ? await store.activeMembers(pool, id) : [];
      const visible = new Map<string, ParticipantView>();
      for (const m of active) {
        const seen = await seenOrNull(actor, m.participantId, 'read');
        if (seen) visible.set(m.participantId, seen);
      }
      if (!found || !visible.size) throw notFound('The family');
      return rules.familyView(found, active, visible);
    },
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'post',
    path: '/families/:id/members',
    summary: 'Add a participant to a household (optionally as current family, leaving all others)',
    params: idParams,
    body: newMember,
    success: { status: 201, schema: membership },
    handler: async ({ params, body, req }) => {
      const actor = writer(req);
      const { id } = params;
      const { participantId, relationship, makeCurrentFamily: isCurrentFamily } = body;
      const joinedOn = body.joinedOn ?? today();
      rules.checkNewMember({ ...body, joinedOn }, today());
      const gateId = await gateFamily(actor, id);
      await participantFor(pool, actor, participantId, 'write');
      const allowed = await otherFamiliesChanged(pool, id, participantId, body);
      await gateOtherFamilies(actor, allowed, body.leaveOtherFamilies);
      return change(async (tx) => {
        const others = (await store.activeFamilyIdsOf(tx, participantId)).filter((f) => f !== id);
        await store.lockFamilies(tx, [id, ...others]);
        const changed = await otherFamiliesChanged(tx, id, participantId, body);
        if (changed.some((f) => !allowed.includes(f)))
          throw conflict('Someone changed these families at the same time; reload and try again.');
        rules.checkAddition(await lockedMembers(tx, id, gateId), body);
        const left = body.leaveOtherFamilies ? others : [];
        for (const other of left) {
          rules.checkLeaving(await store.activeMembers(tx, other), participantId);
          await store.leaveFamily(tx, other, participantId, today());
        }
        const noLongerCurrent = isCurrentFamily
          ? await store.clearCurrentFamily(tx, participantId)
          : [];
        await store.insertMember(tx, {
          familyId: id,
          participantId,
          relationship,
          joinedOn,
          isCurrentFamily,
        });
        await announce(tx, actor, id, []);
        for (const other of left) await announce(tx, actor, other, [participantId]);
        for (const other of noLongerCurrent) await announce(tx, actor, other, []);
        return {
          familyId: id,
          participantId,
          relationship,
          joinedOn,
          leftOn: null,
          isCurrentFamily,
          leftFamilyIds: left,
        };
      });
    },
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'delete',
    path: '/families/:id/members/:participantId',
    summary: 'A member leaves the family (kept in their family history); never the head',
    params: memberParams,
    success: { status: 200, schema: membership },
    handler: async ({ params, req }) => {
      const actor = writer(req);
      const { id, participantId } = params;
      // leaving changes the family: the actor may change the member and the family (its head)
      await participantFor(pool, actor, participantId, 'write');
      const gateId = await gateFamily(actor, id);
      return change(async (tx) => {
        const active = await lockedMembers(tx, id, gateId);
        rules.checkRemoval(active, participantId);
        await store.leaveFamily(tx, id, participantId, today());
        await announce(tx, actor, id, [participantId]);
        const member = active.find((m) => m.participantId === participantId)!;
        return { ...member, leftOn: today(), isCurrentFamily: false };
      });
    },
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'put',
    path: '/families/:id/head',
    summary: 'Make another member the head; the former head takes previousHeadRelationship',
    params: idParams,
    body: headChange,
    success: { status: 200, schema: z.object({ headParticipantId: z.string() }).passthrough() },
    handler: async ({ params, body, req }) => {
      const actor = writer(req);
      const { id } = params;
      await participantFor(pool, actor, body.participantId, 'write');
      // both heads change: the former one must be changeable too, and is the way into the family
      const head = rules.headOf(await store.activeMembers(pool, id));
      if (!head) throw notFound('The family');
      await participantFor(pool, actor, head.participantId, 'write');
      return change(async (tx) => {
        const active = await lockedMembers(tx, id, head.participantId);
        if (rules.headOf(active)?.participantId !== head.participantId)
          throw conflict('The head of this family changed meanwhile; reload and try again.');
        const plan = rules.planHeadChange(active, body.participantId);
        if (plan) {
          // the former head steps down first: the one-head index holds after every statement
          await store.setRelationship(tx, id, plan.formerHeadId, body.previousHeadRelationship);
          await store.setRelationship(tx, id, body.participantId, HEAD);
          await announce(tx, actor, id, []);
        }
        return {
          familyId: id,
          headParticipantId: body.participantId,
          previousHead: plan && {
            participantId: plan.formerHeadId,
            relationship: body.previousHeadRelationship,
          },
        };
      });
    },
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'get',
    path: '/participants/:id/families',
    summary: "A participant's family history: every family they were in, with its present head",
    params: idParams,
    success: { status: 200, schema: z.object({ items: z.array(membership) }) },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const { id } = params;
      await participantFor(pool, actor, id, 'read');
      const stays = await store.familyHistoryOf(pool, id);
      const heads = new Map<string, ParticipantView | null>();
      for (const headId of new Set(stays.map((s) => s.headParticipantId)))
        if (headId) heads.set(headId, await seenOrNull(actor, headId, 'read'));
      return {
        items: stays.map(({ headParticipantId, ...stay }) => {
          const head = headParticipantId ? heads.get(headParticipantId) : null;
          return {
            ...stay,
            head: head
              ? { participantId: head.id, firstName: head.firstName, lastName: head.lastName }
              : null,
          };
        }),
      };
    },
  });
}
