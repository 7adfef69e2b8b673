export {
  applyFamily,
  currentFamilyOf,
  familyFactsMigrations,
  type FamilySnapshot,
  type Relative,
} from './families';
export { familyFactsConsumer } from './consumer';
