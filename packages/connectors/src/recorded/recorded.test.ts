import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Mention } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import type { SourceName } from '../framework/connector.ts'
import { normaliseRecorded, type RecordedOptions } from './recorded.ts'

const fixture = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)), 'utf8')

interface Case {
  readonly source: SourceName
  readonly file: string
  readonly opts?: RecordedOptions
  readonly ids: string[]
  readonly skipped: string[]
  readonly errors: string[]
}

const cases: Case[] = [
  {
    source: 'bluesky',
    file: 'bluesky/jetstream.jsonl',
    ids: [
      'bluesky:at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b',
      'bluesky:at://did:plc:abc123reply/app.bsky.feed.post/3l3qo2vzz2c2c',
      'bluesky:at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2c',
    ],
    skipped: ['line 1: identity', 'line 4: post deleted', 'line 5: account event', 'line 7: not a post'],
    errors: ['line 6: post record with invalid createdAt', 'line 9: not JSON'],
  },
  {
    source: 'mastodon',
    file: 'mastodon/statuses.jsonl',
    opts: { instance: 'https://mastodon.social/' },
    ids: [
      'mastodon:mastodon.social:103270115826048975',
      'mastodon:mastodon.social:103270115826049001',
      'mastodon:mastodon.social:103270115826049002',
      'mastodon:mastodon.social:103270115826049010',
      'mastodon:mastodon.social:103270115826049010',
    ],
    skipped: ['line 5: status deleted', 'line 6: not a status event'],
    errors: [
      'line 7: status 103270115826049099: invalid created_at',
      'line 8: update event payload is not JSON',
    ],
  },
  {
    source: 'reddit',
    file: 'reddit/listings.jsonl',
    ids: [
      'reddit:t3_1abc01',
      'reddit:t3_1abc03',
      'reddit:t1_kx1',
      'reddit:t3_1thread',
      'reddit:t1_c1',
      'reddit:t1_c2',
    ],
    skipped: [
      'line 1: t3_1abc02: post removed',
      'line 2: t1_kx2: comment deleted',
      'line 3: more-comments',
      'line 4: not a post',
    ],
    errors: ['line 2: t1_kx3: invalid created_utc', 'line 5: not a Reddit thing'],
  },
  {
    source: 'x',
    file: 'x/payloads.jsonl',
    ids: ['x:1780000000000000003', 'x:1780000000000000002', 'x:1780000000000000004', 'x:1780000000000000010'],
    skipped: ['line 4: X error message, not a tweet: operational-disconnect'],
    errors: ['line 1: tweet 1780000000000000005 without author_id', 'line 5: tweet with invalid id'],
  },
  {
    source: 'youtube',
    file: 'youtube/comment-threads.jsonl',
    ids: ['youtube:UgzDE2tasfmrYLyNkGt4AaABAg', 'youtube:UgzDE2tasfmrYLyNkGt4AaABAg.9xYz1', 'youtube:Ugw2'],
    skipped: ['line 3: API error response'],
    errors: [
      'line 1: comment UgzDE2tasfmrYLyNkGt4AaABAg.9xYz2: invalid publishedAt',
      'line 1: comment thread UgxNoTop without',
    ],
  },
  {
    source: 'rss',
    file: 'rss/cdc-newsroom.xml',
    ids: ['rss:news-2024-0514-measles', 'rss:90f54dfd4d29d59706026826b777857a', 'rss:news-2024-undated'],
    skipped: [],
    errors: ['item 4: feed item "(untitled)" has no guid'],
  },
  {
    source: 'rss',
    file: 'rss/who-atom.xml',
    ids: ['rss:tag:who.int,2024:DON512', 'rss:tag:who.int,2024:DON513'],
    skipped: [],
    errors: [],
  },
  {
    source: 'reviews',
    file: 'reviews/google-reviews.jsonl',
    ids: [
      'reviews:google:AbFvOqn1',
      'reviews:google:AbFvOqn2',
      'reviews:google:AbFvOqn3',
      'reviews:ratemds:rm-991',
    ],
    skipped: [],
    errors: ['line 3: review AbFvOqn4: unknown starRating'],
  },
  {
    source: 'reviews',
    file: 'reviews/healthgrades-export.csv',
    opts: { fileName: 'healthgrades-export.csv' },
    ids: ['reviews:healthgrades:hg-1001', 'reviews:healthgrades:hg-1002'],
    skipped: ['line 5: review row with neither text nor rating'],
    errors: ['line 6: unreadable date', 'line 7: unreadable rating'],
  },
]

function run(c: Case): { mentions: Mention[]; skipped: string[]; errors: string[] } {
  const mentions: Mention[] = []
  const skipped: string[] = []
  const errors: string[] = []
  for (const { where, outcome } of normaliseRecorded(c.source, fixture(c.file), c.opts)) {
    if (outcome.kind === 'ok') mentions.push(outcome.value)
    else (outcome.kind === 'drop' ? skipped : errors).push(`${where}: ${outcome.reason}`)
  }
  return { mentions, skipped, errors }
}

describe('recorded payloads in each platform format', () => {
  it.each(cases)('$file: emits every post, skips non-posts, reports malformed ones', (c) => {
    const out = run(c)
    expect(out.mentions.map((m) => m.id)).toEqual(c.ids)
    expect(out.mentions.every((m) => m.source === c.source)).toBe(true)
    expect(out.skipped).toHaveLength(c.skipped.length)
    for (const [i, s] of c.skipped.entries()) expect(out.skipped[i]).toContain(s)
    expect(out.errors).toHaveLength(c.errors.length)
    for (const [i, e] of c.errors.entries()) expect(out.errors[i]).toContain(e)
  })

  const byId = (c: Case, id: string): Mention => {
    const m = run(c).mentions.find((x) => x.id === id)
    if (!m) throw new Error(`no ${id}`)
    return m
  }
  const at = (i: number): Case => cases[i] as Case

  it.each([
    [
      'bluesky facets: hashtag and mention handle from UTF-8 byte ranges, handle learned from identity',
      0,
      'bluesky:at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b',
      {
        hashtags: ['flushot'],
        mentions: ['nurse.bsky.social'],
        author: { id: 'did:plc:eygmaihciaxprqvxpfvl6flk', handle: 'countyhealth.bsky.social' },
        lang: 'en',
      },
    ],
    [
      'bluesky reply + quote with media, offset date to UTC',
      0,
      'bluesky:at://did:plc:abc123reply/app.bsky.feed.post/3l3qo2vzz2c2c',
      {
        inReplyTo: 'bluesky:at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b',
        quoteOf: 'bluesky:at://did:plc:other/app.bsky.feed.post/3kquoted',
        createdAt: '2024-09-09T19:46:02.000Z',
      },
    ],
    [
      'mastodon HTML stripped, entities decoded, counts mapped',
      1,
      'mastodon:mastodon.social:103270115826048975',
      {
        text: 'Flu clinics open this week & next. #FluSeason ask @nurse\nDetails: example.org/flu',
        hashtags: ['fluseason'],
        mentions: ['nurse@mastodon.social'],
        engagement: { likes: 11, reposts: 6, replies: 5, quotes: 0 },
      },
    ],
    [
      'mastodon remote reply with content warning',
      1,
      'mastodon:mastodon.social:103270115826049001',
      {
        author: { id: 'alice@hachyderm.io', handle: 'alice@hachyderm.io', name: 'Alice', followers: 10 },
        title: 'vaccine side effects',
        inReplyTo: 'mastodon:mastodon.social:103270115826048975',
      },
    ],
    [
      'mastodon boost',
      1,
      'mastodon:mastodon.social:103270115826049002',
      { repostOf: 'mastodon:mastodon.social:103270115826048975', text: 'Flu clinics open this week' },
    ],
    [
      'reddit self post: title + body, negative score floored',
      2,
      'reddit:t3_1abc01',
      {
        title: 'Measles shots walk-in?',
        mentions: ['countyhealthnyc'],
        engagement: { likes: 42, replies: 7, reposts: 1, quotes: 0 },
      },
    ],
    [
      'reddit crosspost',
      2,
      'reddit:t3_1abc03',
      { repostOf: 'reddit:t3_0zzz99', engagement: { likes: 0, replies: 0, reposts: 0, quotes: 0 } },
    ],
    ['reddit nested reply', 2, 'reddit:t1_c2', { inReplyTo: 'reddit:t1_c1' }],
    [
      'x retweet with author from includes',
      3,
      'x:1780000000000000003',
      {
        repostOf: 'x:1780000000000000001',
        author: { id: '2244994945', handle: 'vaxfan', name: 'Vax Fan', followers: 120 },
        hashtags: ['fluseason'],
        mentions: ['countyhealth'],
      },
    ],
    [
      'x reply with public_metrics',
      3,
      'x:1780000000000000002',
      {
        inReplyTo: 'x:1780000000000000001',
        engagement: { likes: 3, reposts: 1, replies: 2, quotes: 4, views: 500 },
      },
    ],
    [
      'x long post uses note_tweet, quote mapped',
      3,
      'x:1780000000000000004',
      {
        quoteOf: 'x:1770000000000000000',
        text: 'Must-read thread on measles outbreaks and why the MMR vaccine matters, in full long-form text',
      },
    ],
    [
      'youtube reply: HTML display text stripped, parent linked',
      4,
      'youtube:UgzDE2tasfmrYLyNkGt4AaABAg.9xYz1',
      {
        text: '@HealthyHannah same, no side effects',
        inReplyTo: 'youtube:UgzDE2tasfmrYLyNkGt4AaABAg',
        mentions: ['healthyhannah'],
      },
    ],
    [
      'rss CDATA HTML to text, RFC 822 date to UTC',
      5,
      'rss:news-2024-0514-measles',
      {
        text: "People at Central Station on May 10 may have been exposed.\nCheck your & your family's MMR status.",
        createdAt: '2024-05-14T18:30:00.000Z',
        author: { id: 'health.example.gov', handle: null, name: 'Press Office' },
      },
    ],
    [
      'rss content:encoded preferred, scripts dropped',
      5,
      'rss:90f54dfd4d29d59706026826b777857a',
      { text: 'Cooling centers open today. Stay hydrated #HeatWave', hashtags: ['heatwave'] },
    ],
    [
      'atom html summary',
      6,
      'rss:tag:who.int,2024:DON512',
      {
        text: 'On 10 May 2024, the IHR focal point notified WHO of a human case.',
        createdAt: '2024-05-13T06:00:00.000Z',
        lang: 'en',
      },
    ],
    ['google star enum', 7, 'reviews:google:AbFvOqn1', { rating: 4, createdAt: '2024-04-01T15:30:00.123Z' }],
    ['google unspecified stars', 7, 'reviews:google:AbFvOqn3', { rating: null }],
    ['export row 2/5', 7, 'reviews:ratemds:rm-991', { rating: 2, createdAt: '2024-03-30T00:00:00.000Z' }],
    [
      'csv quoted field with doubled quotes, US date',
      8,
      'reviews:healthgrades:hg-1001',
      {
        text: 'Great pediatric team, "best" in town',
        rating: 5,
        createdAt: '2024-03-14T00:00:00.000Z',
        title: 'Wonderful',
      },
    ],
    [
      'csv multi-line field',
      8,
      'reviews:healthgrades:hg-1002',
      { text: 'Long wait,\nbut thorough', rating: 3 },
    ],
  ] as const)('%s', (_, i, id, expected) => {
    expect(byId(at(i), id)).toMatchObject(expected)
  })
})
