export {
  applyLink,
  applyUnlink,
  participantIdsOfPerson,
  peopleMigrations,
  peopleOf,
  personKeysOf,
} from './people';
export { peopleConsumer } from './consumer';
export { recordsListedTogether } from './seen';
