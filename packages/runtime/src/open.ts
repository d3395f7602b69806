import { join, resolve } from 'node:path'
import { type Bus, EmbeddedBus, KafkaBus } from '@pulse/bus'
import { type Logger, TOPICS } from '@pulse/core'
import { createStore, type Store, type StoreTarget } from '@pulse/store'
import type { RuntimeEnv } from './config.ts'

/** Kafka when KAFKA_BROKERS is set, else the embedded in-process bus. */
export async function openBus(env: RuntimeEnv, logger: Logger): Promise<Bus> {
  const log = logger.child({ component: 'bus' })
  if (!env.KAFKA_BROKERS || env.KAFKA_BROKERS.length === 0) {
    const bus = new EmbeddedBus({ logger: log })
    await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: 4 })))
    return bus
  }
  const bus = new KafkaBus({
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID,
    ssl: env.KAFKA_SSL,
    ...(env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
      ? {
          sasl: {
            mechanism: env.KAFKA_SASL_MECHANISM,
            username: env.KAFKA_SASL_USERNAME,
            password: env.KAFKA_SASL_PASSWORD,
          },
        }
      : {}),
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    logger: log,
  })
  await bus.ensureTopics(
    Object.values(TOPICS).map((name) => ({
      name,
      partitions: name === TOPICS.acks ? Math.min(env.KAFKA_PARTITIONS, 4) : env.KAFKA_PARTITIONS,
    })),
  )
  return bus
}

/** Where ClickHouse lives: CLICKHOUSE_URL, else embedded chDB under $PULSE_DATA_DIR/clickhouse. */
export function storeTarget(env: RuntimeEnv): StoreTarget {
  if (env.CLICKHOUSE_URL) {
    return {
      kind: 'server',
      url: env.CLICKHOUSE_URL,
      username: env.CLICKHOUSE_USER,
      password: env.CLICKHOUSE_PASSWORD,
      database: env.CLICKHOUSE_DATABASE,
    }
  }
  return { kind: 'embedded', path: join(resolve(env.PULSE_DATA_DIR), 'clickhouse') }
}

export async function openStore(
  env: RuntimeEnv,
  migrationsDir: string,
  logger: Logger,
  options: { migrate: boolean },
): Promise<Store> {
  const store = await createStore({
    target: storeTarget(env),
    migrationsDir,
    logger: logger.child({ component: 'store' }),
  })
  if (options.migrate) await store.migrate()
  return store
}
