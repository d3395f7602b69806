import { readFileSync } from 'node:fs'
import type { Credentials } from '@pulse/connectors'
import { PulseError, silentLogger, systemClock, type WatchlistInput, watchlistSchema } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { configuredSources } from './connectors.ts'

// Parsed like loadWatchlist does; @pulse/runtime is not imported so this stays a light unit test.
const load = (file: string) =>
  watchlistSchema.parse(JSON.parse(readFileSync(new URL(`../../../config/${file}`, import.meta.url), 'utf8')))

const deps = { clock: systemClock, logger: silentLogger }
const watchlist = (sources: Record<string, unknown>[]) =>
  watchlistSchema.parse({
    organization: { name: 'St. Example', terms: ['St. Example'], handles: ['stexample'] },
    sources,
  } satisfies WatchlistInput)

/** The CONFIG_INVALID message of building these sources, or 'ok'. */
function outcome(sources: Record<string, unknown>[], credentials: Credentials = {}): string {
  try {
    configuredSources(watchlist(sources), credentials, deps)
    return 'ok'
  } catch (err) {
    if (!(err instanceof PulseError)) throw err
    expect(err.code).toBe('CONFIG_INVALID')
    return err.message
  }
}

const allCredentials: Credentials = {
  REDDIT_CLIENT_ID: 'id',
  REDDIT_CLIENT_SECRET: 'secret',
  X_BEARER_TOKEN: 'x-token',
  YOUTUBE_API_KEY: 'yt-key',
  GOOGLE_REVIEWS_ACCESS_TOKEN: 'g-token',
  MASTODON_ACCESS_TOKEN: 'm-token',
  PULSE_WEBHOOK_TOKEN: 'a-long-enough-webhook-token',
}

describe('watchlist sources', () => {
  it.each([
    [
      'a bad subreddit name',
      [
        { type: 'rss', feeds: ['https://a.example/f.xml'] },
        { type: 'reddit', userAgent: 'ua', subreddits: ['r/ok', 'not a sub!'] },
      ],
      /sources\.1\.subreddits\.1: must be a subreddit name/,
    ],
    ['an unknown type', [{ type: 'tiktok' }], /sources\.0\.type/],
    [
      'a feed that is not a URL',
      [{ type: 'rss', feeds: ['feed.xml'] }],
      /sources\.0\.feeds\.0: must be an http\(s\) URL/,
    ],
    [
      'an empty feed list',
      [{ type: 'rss', feeds: [] }],
      /sources\.0\.feeds: configure at least one feed URL/,
    ],
    [
      'a misspelt key',
      [{ type: 'rss', feeds: ['https://a.example/f'], pollInterval: 5 }],
      /sources\.0: .*pollInterval/,
    ],
    [
      'a poll interval that would hammer the API',
      [{ type: 'rss', feeds: ['https://a.example/f'], pollIntervalSeconds: 1 }],
      /sources\.0\.pollIntervalSeconds/,
    ],
    [
      'a youtube source with no target',
      [{ type: 'youtube' }],
      /sources\.0\.videoIds: configure at least one video or channel id/,
    ],
    [
      'a bad review location',
      [{ type: 'google-reviews', locations: ['locations/1'] }],
      /sources\.0\.locations\.0/,
    ],
    ['a webhook port out of range', [{ type: 'webhook', port: 70_000 }], /sources\.0\.port/],
    [
      'two sources with one name (shared checkpoint)',
      [
        { type: 'rss', feeds: ['https://a.example/f'] },
        { type: 'rss', feeds: ['https://b.example/f'] },
      ],
      /sources\.1\.name: "rss" is already used by sources\.0/,
    ],
    [
      'an X source with nothing to track',
      [{ type: 'x', terms: [] }],
      /sources\.0 \(x\): .*configure at least one term/,
    ],
  ])('refuses %s, naming the path', (_what, sources, message) => {
    expect(outcome(sources, allCredentials)).toMatch(message)
  })

  it.each([
    [
      'reddit',
      { type: 'reddit', userAgent: 'ua', subreddits: ['nursing'] },
      /REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET/,
    ],
    ['x', { type: 'x' }, /X_BEARER_TOKEN/],
    ['youtube', { type: 'youtube', videoIds: ['dQw4w9WgXcQ'] }, /YOUTUBE_API_KEY/],
    [
      'google-reviews',
      { type: 'google-reviews', locations: ['accounts/1/locations/2'] },
      /GOOGLE_REVIEWS_ACCESS_TOKEN/,
    ],
    [
      'mastodon',
      { type: 'mastodon', instance: 'mastodon.social', hashtags: ['flu'] },
      /MASTODON_ACCESS_TOKEN/,
    ],
    ['webhook', { type: 'webhook' }, /PULSE_WEBHOOK_TOKEN/],
  ])('refuses %s without its credential, naming the env variable', (type, source, message) => {
    const text = outcome([{ type: 'rss', feeds: ['https://a.example/f'] }, source])
    expect(text).toMatch(message)
    expect(text).toContain(`sources.1 (${type})`)
  })

  it('ignores a disabled source without credentials, and allows an anonymous Mastodon stream', () => {
    expect(outcome([{ type: 'x', enabled: false }])).toBe('ok')
    expect(
      outcome([{ type: 'mastodon', instance: 'm.example', publicTimeline: 'local', anonymous: true }]),
    ).toBe('ok')
  })

  it('refuses a webhook token too short to be a secret', () => {
    expect(outcome([{ type: 'webhook' }], { PULSE_WEBHOOK_TOKEN: 'short' })).toMatch(/at least 16 characters/)
  })

  it('lets firehose sources default to the watchlist terms and names each connector', () => {
    const built = configuredSources(
      watchlist([
        { type: 'bluesky' },
        { type: 'x', mode: 'search' },
        { type: 'mastodon', instance: 'https://Mastodon.Social/', hashtags: ['#flu'] },
        { type: 'rss', name: 'rss:who', feeds: ['https://who.example/rss'] },
      ]),
      allCredentials,
      deps,
    )
    expect(built.map((s) => (s.kind === 'connector' ? s.connector.name : s.name))).toEqual([
      'bluesky',
      'x',
      'mastodon:mastodon.social',
      'rss:who',
    ])
    const rss = built[3]
    expect(rss?.kind === 'connector' ? rss.connector.health().name : null).toBe('rss:who')
  })

  it('accepts the documented example watchlist with every connector', () => {
    const built = configuredSources(load('watchlist.example.json'), allCredentials, deps)
    expect(built.map((s) => (s.kind === 'connector' ? s.connector.source : s.kind))).toEqual([
      'bluesky',
      'mastodon',
      'reddit',
      'x',
      'youtube',
      'rss',
      'reviews',
      'webhook',
    ])
  })

  it('keeps the default watchlist free of sources', () => {
    expect(configuredSources(load('watchlist.json'), {}, deps)).toEqual([])
  })
})
