export { applySharingState, sharingFactsColumns, sharingFactsMigrations, sharingOf } from './facts';
export { sharingFactsConsumer } from './consumer';
