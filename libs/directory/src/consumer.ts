import type { ConsumerOptions } from '@hearth/bus';
import {
  OrganizationCreated,
  OrganizationUpdated,
  UserCreated,
  UserUpdated,
  isEvent,
} from '@hearth/events';
import { applyOrganization, applyOrgUser } from './directory';

/**
 * The consumer a service mounts to keep identity's organizations and users, under its own queue
 * (`<service>.directory`). Created and updated carry the whole state, so both simply apply it when
 * newer: a duplicate, a late older copy or an update before its creation all end in the latest.
 */
export function directoryConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [
      OrganizationCreated.type,
      OrganizationUpdated.type,
      UserCreated.type,
      UserUpdated.type,
    ],
    handle: async (event, tx) => {
      if (isEvent(event, OrganizationCreated) || isEvent(event, OrganizationUpdated))
        await applyOrganization(tx, event.data);
      else if (isEvent(event, UserCreated) || isEvent(event, UserUpdated))
        await applyOrgUser(tx, event.data);
    },
  };
}
