import { PulseError } from '@pulse/core'
import { createJetstreamConnector } from './bluesky/jetstream.ts'
import type { Credentials, SourceConfig } from './config.ts'
import type { Connector } from './framework/connector.ts'
import type { WatchTerms } from './framework/match.ts'
import type { RuntimeDeps } from './framework/runtime.ts'
import { createMastodonConnector } from './mastodon/streaming.ts'
import { createRedditConnector } from './reddit/poller.ts'
import { createGoogleReviewsConnector } from './reviews/google-poller.ts'
import { createRssConnector } from './rss/poller.ts'
import { createXConnector } from './x/connector.ts'
import { createYouTubeConnector } from './youtube/poller.ts'

/** A configured source: a pull connector for the ingest loop, or the push webhook's settings. */
export type ConfiguredSource =
  | { readonly kind: 'connector'; readonly path: string; readonly connector: Connector<unknown> }
  | {
      readonly kind: 'webhook'
      readonly path: string
      readonly name: string
      readonly host: string
      readonly port: number
      readonly token: string
      readonly maxBodyBytes?: number
      readonly maxItems?: number
    }

export interface FromConfigOptions extends RuntimeDeps {
  readonly credentials: Credentials
  /** Used by sources that leave terms, hashtags and handles out (the watchlist's). */
  readonly watch: WatchTerms
}

const need = (credentials: Credentials, name: keyof Credentials): string => {
  const value = credentials[name]?.trim()
  if (!value) throw new PulseError('CONFIG_INVALID', `set ${name} in the environment`)
  return value
}

const seconds = (s: number | undefined): { pollIntervalMs?: number } =>
  s === undefined ? {} : { pollIntervalMs: s * 1_000 }

/** Drops undefined values, so optional options stay absent (exactOptionalPropertyTypes). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}

type MaybeTerms = { readonly [K in keyof WatchTerms]?: WatchTerms[K] | undefined }

function watchOf(s: MaybeTerms, fallback: WatchTerms): WatchTerms {
  const own = s.terms !== undefined || s.hashtags !== undefined || s.handles !== undefined
  return own ? defined({ terms: s.terms, hashtags: s.hashtags, handles: s.handles }) : fallback
}

/** Gives a connector the configured name (checkpoints, origins and health use it). */
function renamed<C>(c: Connector<C>, name: string | undefined): Connector<C> {
  if (name === undefined || name === c.name) return c
  return { ...c, name, health: () => ({ ...c.health(), name }) }
}

function build(s: Exclude<SourceConfig, { type: 'webhook' }>, opts: FromConfigOptions): Connector<unknown> {
  const { credentials, watch: fallback, ...deps } = opts
  switch (s.type) {
    case 'bluesky':
      return createJetstreamConnector({
        ...deps,
        ...watchOf(s, fallback),
        ...defined({ wantedDids: s.wantedDids, endpoint: s.endpoint }),
      })
    case 'mastodon': {
      const token = credentials.MASTODON_ACCESS_TOKEN?.trim()
      return createMastodonConnector({
        ...deps,
        ...watchOf(s, fallback),
        instance: s.instance,
        publicTimeline: s.publicTimeline,
        ...defined({ streamingUrl: s.streamingUrl, accessToken: s.anonymous ? undefined : token }),
      })
    }
    case 'reddit':
      return createRedditConnector({
        ...deps,
        clientId: need(credentials, 'REDDIT_CLIENT_ID'),
        clientSecret: need(credentials, 'REDDIT_CLIENT_SECRET'),
        userAgent: s.userAgent,
        includeComments: s.includeComments,
        ...defined({ subreddits: s.subreddits, terms: s.terms ?? fallback.terms }),
        ...seconds(s.pollIntervalSeconds),
      })
    case 'x':
      return createXConnector({
        ...deps,
        ...watchOf(s, fallback),
        bearerToken: need(credentials, 'X_BEARER_TOKEN'),
        mode: s.mode,
        ...seconds(s.pollIntervalSeconds),
      })
    case 'youtube':
      return createYouTubeConnector({
        ...deps,
        apiKey: need(credentials, 'YOUTUBE_API_KEY'),
        ...defined({ videoIds: s.videoIds, channelIds: s.channelIds }),
        ...seconds(s.pollIntervalSeconds),
      })
    case 'rss':
      return createRssConnector({
        ...deps,
        feeds: s.feeds,
        ...defined({ userAgent: s.userAgent }),
        ...seconds(s.pollIntervalSeconds),
      })
    case 'google-reviews':
      return createGoogleReviewsConnector({
        ...deps,
        accessToken: need(credentials, 'GOOGLE_REVIEWS_ACCESS_TOKEN'),
        locations: s.locations,
        ...seconds(s.pollIntervalSeconds),
      })
  }
}

/**
 * Builds the enabled sources of a parsed `sources` section (see `parseSources`). A connector that
 * rejects its options fails with CONFIG_INVALID naming the entry (`sources.3: x: configure …`), and
 * two entries with the same name (they would share a checkpoint) are refused.
 */
export function sourcesFromConfig(
  sources: readonly SourceConfig[],
  opts: FromConfigOptions,
): ConfiguredSource[] {
  const out: ConfiguredSource[] = []
  const problems: string[] = []
  const seen = new Map<string, string>()
  for (const [i, s] of sources.entries()) {
    if (!s.enabled) continue
    const path = `sources.${i}`
    try {
      const item: ConfiguredSource =
        s.type === 'webhook'
          ? {
              kind: 'webhook',
              path,
              name: s.name ?? 'webhook',
              host: s.host,
              port: s.port,
              token: need(opts.credentials, 'PULSE_WEBHOOK_TOKEN'),
              ...defined({ maxBodyBytes: s.maxBodyBytes, maxItems: s.maxItems }),
            }
          : { kind: 'connector', path, connector: renamed(build(s, opts), s.name) }
      const name = item.kind === 'connector' ? item.connector.name : item.name
      const clash = seen.get(name)
      if (clash)
        problems.push(`${path}.name: "${name}" is already used by ${clash}; give one a distinct name`)
      seen.set(name, path)
      out.push(item)
    } catch (err) {
      if (!(err instanceof PulseError) || err.code !== 'CONFIG_INVALID') throw err
      problems.push(`${path} (${s.type}): ${err.message}`)
    }
  }
  if (problems.length > 0)
    throw new PulseError('CONFIG_INVALID', `invalid watchlist sources: ${problems.join('; ')}`)
  return out
}
