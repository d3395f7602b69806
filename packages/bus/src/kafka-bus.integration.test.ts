import { describeBusContract } from './bus-contract.ts'
import { KafkaBus } from './kafka-bus.ts'

const brokers = process.env.KAFKA_BROKERS?.split(',').filter(Boolean) ?? []

describeBusContract(
  'kafka',
  async () =>
    new KafkaBus({ brokers, clientId: 'pulse-bus-contract', retryBackoffMs: { initial: 50, max: 500 } }),
  brokers.length === 0
    ? 'KAFKA_BROKERS is not set (set it to run the contract against a real broker)'
    : undefined,
)
