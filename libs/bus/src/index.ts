export { Broker, DEFAULT_EXCHANGE } from './broker';
export { OutboxRelay, type RelayOptions } from './relay';
export { startConsumer, type ConsumerOptions } from './consumer';
export { recordEvent, busMigrations, OUTBOX_CHANNEL } from './outbox';
