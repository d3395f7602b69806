export type {
  Bus,
  ConsumeOptions,
  Consumer,
  IncomingMessage,
  MessageBatch,
  OutgoingMessage,
  TopicSpec,
} from './bus.ts'
export { partitionFor } from './bus.ts'
export { EmbeddedBus, type EmbeddedBusOptions } from './embedded-bus.ts'
export { KafkaBus, type KafkaBusOptions } from './kafka-bus.ts'
export { Notifier, sleep } from './signal.ts'
