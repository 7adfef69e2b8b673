export {
  applyOrgUser,
  applyOrganization,
  directoryMigrations,
  organizationOf,
  organizationToday,
  orgUserOf,
  type KnownOrganization,
  type OrgUser,
} from './directory';
export { directoryConsumer } from './consumer';
