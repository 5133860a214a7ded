export * from './rules.js';
export * from './consumer-runner.js';
export * from './idempotent-consumer.js';
export * from './local-bus.js';
export * from './checkpoint.js';
export * from './stream-relay.js';
export * from './consumers/rollup-projector.js';
export * from './consumers/daily-tick.js';
