import { parseConfig } from '@pulse/core'
import { z } from 'zod'

const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)
const optionalNonEmpty = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
const port = z.coerce.number().int().min(0).max(65_535)

/**
 * Every environment variable Pulse reads, in one schema. Parsed once in main; an invalid value
 * fails fast with the variable's name.
 */
export const runtimeEnvSchema = z.object({
  PULSE_DATA_DIR: z.string().min(1).default('./data'),
  PULSE_WATCHLIST: optionalNonEmpty,
  PULSE_AUTHOR_HASH_KEY: optionalNonEmpty,
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  KAFKA_BROKERS: optionalNonEmpty.pipe(csv.optional()),
  KAFKA_CLIENT_ID: z.string().default('pulse'),
  KAFKA_SSL: z.stringbool().default(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: optionalNonEmpty,
  KAFKA_SASL_PASSWORD: optionalNonEmpty,
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1024).default(12),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(-1).max(16).default(-1),
  CLICKHOUSE_URL: optionalNonEmpty.pipe(z.url().optional()),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
    .default('pulse'),
  SLACK_WEBHOOK_URL: optionalNonEmpty.pipe(z.url().optional()),
  SLACK_BOT_TOKEN: optionalNonEmpty,
  SLACK_API_URL: optionalNonEmpty.pipe(z.url().optional()),
  PULSE_FEED_HOST: z.string().default('127.0.0.1'),
  PULSE_FEED_PORT: port.default(8787),
  PULSE_FEED_URL: optionalNonEmpty,
  PULSE_METRICS_PORT: port.optional(),
  /** Worker threads for enrichment; 0 runs it on the event loop. Unset: one per spare core, at most 4. */
  PULSE_ENRICH_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /**
   * Hours of stored mentions the detect service replays at start to rebuild its baselines; 0: none.
   * Unset: 48 on the embedded bus, 0 on Kafka (where several detect replicas may split the topic).
   */
  PULSE_DETECT_WARM_HOURS: z.coerce.number().int().min(0).max(720).optional(),
  // Connector credentials: only ever from the environment, never from the watchlist.
  REDDIT_CLIENT_ID: optionalNonEmpty,
  REDDIT_CLIENT_SECRET: optionalNonEmpty,
  X_BEARER_TOKEN: optionalNonEmpty,
  YOUTUBE_API_KEY: optionalNonEmpty,
  GOOGLE_REVIEWS_ACCESS_TOKEN: optionalNonEmpty,
  MASTODON_ACCESS_TOKEN: optionalNonEmpty,
  PULSE_WEBHOOK_TOKEN: optionalNonEmpty,
})

export type RuntimeEnv = z.output<typeof runtimeEnvSchema>

export function parseRuntimeEnv(env: Readonly<Record<string, string | undefined>>): RuntimeEnv {
  const config = parseConfig(runtimeEnvSchema, env, 'environment')
  if (config.KAFKA_SASL_MECHANISM && (!config.KAFKA_SASL_USERNAME || !config.KAFKA_SASL_PASSWORD)) {
    return parseConfig(
      runtimeEnvSchema.refine(() => false, {
        path: ['KAFKA_SASL_USERNAME'],
        message: 'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM',
      }),
      env,
      'environment',
    )
  }
  return config
}
