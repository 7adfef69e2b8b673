import type { ConsumerOptions } from '@hearth/bus';
import { HmisProjectImported, isEvent } from '@hearth/events';
import { carryImportedProject } from '../use-cases/carry-imported-project';

/** An HMIS import's project information, onto the program its project is (or becomes). */
export const hmisProjectsConsumer = (): ConsumerOptions => ({
  queue: 'enrollment.hmis-projects',
  eventTypes: [HmisProjectImported.type],
  handle: async (event, tx) => {
    // an import is a person's act: reporting always names the importer
    if (!isEvent(event, HmisProjectImported) || !event.actor.userId) return;
    await carryImportedProject(
      tx,
      { userId: event.actor.userId, name: event.actor.name, orgId: event.orgId, roles: [] },
      event.data,
    );
  },
});
