export { Broker, DEFAULT_EXCHANGE } from './broker';
export { OutboxRelay, publishConfirmed, type RelayOptions } from './relay';
export { deadLetterQueueOf, startConsumer, type ConsumerOptions } from './consumer';
export { recordEvent, recordEvents, busMigrations, OUTBOX_CHANNEL } from './outbox';
export { deadLetterGauge, deadLetterReadiness, parkedCount } from './dead-letters';
export { replayParked } from './replay';
export { authorOf, systemAuthor, type EventAuthor } from './author';
export { consumerQueues, deleteTopology } from './topology';
