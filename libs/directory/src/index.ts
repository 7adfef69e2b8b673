export {
  applyOrgUser,
  applyOrganization,
  directoryMigrations,
  organizationOf,
  organizationToday,
  orgUserOf,
  orgUsersOf,
  type KnownOrganization,
  type OrgUser,
} from './directory';
export { directoryConsumer } from './consumer';
