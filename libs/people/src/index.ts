export {
  applyLink,
  applyUnlink,
  participantIdsOfPerson,
  peopleMigrations,
  peopleOf,
} from './people';
export { peopleConsumer } from './consumer';
export { recordsListedTogether } from './seen';
