export { applySharingState, sharingFactsMigrations, sharingOf } from './facts';
export { sharingFactsConsumer } from './consumer';
