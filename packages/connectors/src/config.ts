import { formatIssues, PulseError } from '@pulse/core'
import { z } from 'zod'

/**
 * Environment variables that hold connector credentials. Credentials never live in the watchlist:
 * the `sources` section only selects and configures connectors.
 */
export const CREDENTIAL_VARS = [
  'REDDIT_CLIENT_ID',
  'REDDIT_CLIENT_SECRET',
  'X_BEARER_TOKEN',
  'YOUTUBE_API_KEY',
  'GOOGLE_REVIEWS_ACCESS_TOKEN',
  'MASTODON_ACCESS_TOKEN',
  'PULSE_WEBHOOK_TOKEN',
] as const
export type CredentialVar = (typeof CREDENTIAL_VARS)[number]
export type Credentials = Readonly<Partial<Record<CredentialVar, string | undefined>>>

const text = z.string().trim().min(1).max(200)
const list = <T extends z.ZodType>(item: T) => z.array(item).max(1_000)

/** Fields every source takes. `//` holds a comment (JSON has none). */
const common = {
  '//': z.string().optional(),
  /** Name for checkpoints, origins and `pulse status`; default: the connector's own (`rss`, `mastodon:<host>`). */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9:._-]{0,79}$/i, 'use letters, digits and : . _ - (at most 80)')
    .optional(),
  /** `false` keeps the entry in the file without running it. */
  enabled: z.boolean().default(true),
}

/** What firehose-style sources listen for; omitted: the watchlist's organisation, competitor and tracked terms. */
const watch = {
  terms: list(text).optional(),
  hashtags: list(text.transform((h) => h.replace(/^#/, ''))).optional(),
  handles: list(text.transform((h) => h.replace(/^@/, ''))).optional(),
}

const pollIntervalSeconds = z.number().int().min(10).max(86_400).optional()
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

const bluesky = z.strictObject({
  type: z.literal('bluesky'),
  ...common,
  ...watch,
  /** Only posts by these accounts (Jetstream `wantedDids`); omitted: the whole network, filtered by the terms. */
  wantedDids: list(z.string().regex(/^did:[a-z]+:\S+$/, 'must be a DID (did:plc:…)')).optional(),
  endpoint: z.url({ protocol: /^wss?$/, error: 'must be a ws(s) URL' }).optional(),
})

const mastodon = z
  .strictObject({
    type: z.literal('mastodon'),
    ...common,
    ...watch,
    /** Server host or base URL, e.g. `mastodon.social`. */
    instance: text,
    publicTimeline: z.union([z.enum(['federated', 'local']), z.literal(false)]).default(false),
    streamingUrl: httpUrl.optional(),
    /** Stream without MASTODON_ACCESS_TOKEN (many servers refuse this). */
    anonymous: z.boolean().default(false),
  })
  .refine((s) => s.publicTimeline !== false || s.hashtags === undefined || s.hashtags.length > 0, {
    path: ['hashtags'],
    message: 'follow at least one hashtag or set publicTimeline',
  })

const reddit = z
  .strictObject({
    type: z.literal('reddit'),
    ...common,
    subreddits: list(
      z
        .string()
        .trim()
        .regex(/^(\/?r\/)?[A-Za-z0-9_]{2,21}$/, 'must be a subreddit name (2–21 letters, digits, _)'),
    ).optional(),
    /** Site-wide searches (Reddit search syntax); omitted: the watchlist's terms. */
    terms: list(text).optional(),
    includeComments: z.boolean().default(true),
    /** Reddit requires a descriptive one: `platform:app-id:version (by /u/name)`. */
    userAgent: text,
    pollIntervalSeconds,
  })
  .refine((s) => (s.subreddits?.length ?? 0) + (s.terms?.length ?? 1) > 0, {
    path: ['subreddits'],
    message: 'configure at least one subreddit or search term',
  })

const x = z.strictObject({
  type: z.literal('x'),
  ...common,
  ...watch,
  /** `search` polls recent search; `stream` reads the filtered stream (needs a Pro tier). */
  mode: z.enum(['search', 'stream']).default('search'),
  pollIntervalSeconds,
})

const youtube = z
  .strictObject({
    type: z.literal('youtube'),
    ...common,
    videoIds: list(z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'must be an 11-character video id')).optional(),
    channelIds: list(z.string().regex(/^UC[A-Za-z0-9_-]{22}$/, 'must be a channel id (UC…)')).optional(),
    pollIntervalSeconds,
  })
  .refine((s) => (s.videoIds?.length ?? 0) + (s.channelIds?.length ?? 0) > 0, {
    path: ['videoIds'],
    message: 'configure at least one video or channel id',
  })

const rss = z.strictObject({
  type: z.literal('rss'),
  ...common,
  feeds: list(httpUrl).min(1, 'configure at least one feed URL'),
  userAgent: text.optional(),
  pollIntervalSeconds,
})

const googleReviews = z.strictObject({
  type: z.literal('google-reviews'),
  ...common,
  /** Business Profile resource names. */
  locations: list(
    z.string().regex(/^accounts\/[^/\s]+\/locations\/[^/\s]+$/, 'must be accounts/{id}/locations/{id}'),
  ).min(1, 'configure at least one location'),
  pollIntervalSeconds,
})

const webhook = z.strictObject({
  type: z.literal('webhook'),
  ...common,
  /** Loopback by default: put a TLS-terminating proxy in front to expose it. */
  host: text.default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(8788),
  maxBodyBytes: z
    .number()
    .int()
    .min(1_024)
    .max(64 * 1_048_576)
    .optional(),
  maxItems: z.number().int().min(1).max(100_000).optional(),
})

/** One entry of the watchlist's `sources` section. */
export const sourceConfigSchema = z.discriminatedUnion('type', [
  bluesky,
  mastodon,
  reddit,
  x,
  youtube,
  rss,
  googleReviews,
  webhook,
])
export type SourceConfig = z.output<typeof sourceConfigSchema>
export type SourceType = SourceConfig['type']

export const sourcesConfigSchema = z.array(sourceConfigSchema).max(100)

/** The env variables each source type needs (MASTODON_ACCESS_TOKEN unless `anonymous`). */
export function requiredCredentials(source: SourceConfig): readonly CredentialVar[] {
  switch (source.type) {
    case 'reddit':
      return ['REDDIT_CLIENT_ID', 'REDDIT_CLIENT_SECRET']
    case 'x':
      return ['X_BEARER_TOKEN']
    case 'youtube':
      return ['YOUTUBE_API_KEY']
    case 'google-reviews':
      return ['GOOGLE_REVIEWS_ACCESS_TOKEN']
    case 'mastodon':
      return source.anonymous ? [] : ['MASTODON_ACCESS_TOKEN']
    case 'webhook':
      return ['PULSE_WEBHOOK_TOKEN']
    default:
      return []
  }
}

/**
 * Validates the watchlist's `sources` and checks that every enabled source's credentials are set.
 * Fails fast with CONFIG_INVALID listing every problem with its path (`sources.2.subreddits`) or
 * the missing env variable.
 */
export function parseSources(input: unknown, credentials: Credentials): SourceConfig[] {
  const parsed = z.object({ sources: sourcesConfigSchema }).safeParse({ sources: input ?? [] })
  if (!parsed.success) {
    throw new PulseError('CONFIG_INVALID', `invalid watchlist sources: ${formatIssues(parsed.error)}`, {
      cause: parsed.error,
    })
  }
  const sources = parsed.data.sources
  const missing = sources.flatMap((s, i) => {
    if (!s.enabled) return []
    const vars = requiredCredentials(s).filter((v) => (credentials[v] ?? '').trim() === '')
    return vars.length === 0 ? [] : [`sources.${i} (${s.type}): set ${vars.join(' and ')} in the environment`]
  })
  const webhookToken = credentials.PULSE_WEBHOOK_TOKEN?.trim() ?? ''
  if (
    webhookToken !== '' &&
    webhookToken.length < 16 &&
    sources.some((s) => s.enabled && s.type === 'webhook')
  )
    missing.push('PULSE_WEBHOOK_TOKEN must be at least 16 characters')
  if (missing.length > 0) {
    throw new PulseError(
      'CONFIG_INVALID',
      `missing connector credentials (read only from the environment, never the watchlist): ${missing.join('; ')}`,
    )
  }
  return sources
}
