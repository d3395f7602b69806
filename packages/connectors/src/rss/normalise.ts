import { dlq, type Mention, type Outcome, stableHash } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { hashtagsIn, htmlToText } from '../framework/text.ts'
import { isRecord } from '../framework/values.ts'
import { type FeedInfo, type FeedItem, parseFeed } from './parse.ts'

/** One feed item with its feed, as the RSS connector delivers it. */
export interface RssDelivery {
  readonly kind: 'rss-item'
  readonly feedUrl: string | null
  readonly feed: FeedInfo
  readonly item: FeedItem
}

/**
 * The mention id of an item: `rss:<guid>` (Atom `id`), else `rss:<hash of link>`, else a hash of
 * title and date. Very long guids are hashed too.
 */
export function itemId(item: FeedItem): string | null {
  const guid = item.guid?.trim()
  if (guid) return `rss:${guid.length > 400 ? stableHash(guid) : guid}`
  if (item.link) return `rss:${stableHash(item.link.trim())}`
  if (item.title && item.published) return `rss:${stableHash(item.title, item.published)}`
  return null
}

const hostOf = (url: string | null): string | null => {
  if (!url) return null
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return null
  }
}

export function normaliseItem(item: FeedItem, feed: FeedInfo, feedUrl: string | null): Outcome<Mention> {
  const id = itemId(item)
  if (id === null)
    return dlq(`feed item "${item.title ?? '(untitled)'}" has no guid, link or date to identify it`)
  const createdAt = item.published ?? feed.updated
  if (createdAt === null) return dlq(`${id}: no date (item pubDate/published/updated or feed date)`)
  const body = item.body === null ? '' : item.html ? htmlToText(item.body) : item.body.trim()
  const title = item.title === null ? null : htmlToText(item.title)
  const text = body === '' ? (title ?? '') : body
  const publisher = hostOf(feedUrl) ?? hostOf(feed.link) ?? feed.title
  if (publisher === null) return dlq(`${id}: cannot tell the publisher (no feed URL, link or title)`)
  return finish({
    id,
    source: 'rss',
    url: item.link,
    author: { id: publisher, handle: null, name: item.author ?? feed.title },
    text,
    title,
    lang: feed.language,
    createdAt,
    hashtags: [...new Set(hashtagsIn(text))],
  })
}

/** A whole feed document (RSS 2.0 / RSS 1.0 / Atom XML text), or one delivered item. */
export function normaliseRss(raw: unknown, feedUrl: string | null = null): Outcome<Mention>[] {
  if (isRecord(raw) && raw.kind === 'rss-item') {
    const d = raw as unknown as RssDelivery
    return [normaliseItem(d.item, d.feed, d.feedUrl)]
  }
  if (typeof raw !== 'string') return [dlq('not a feed document or feed item')]
  let parsed: ReturnType<typeof parseFeed>
  try {
    parsed = parseFeed(raw)
  } catch (err) {
    return [dlq(`feed does not parse: ${err instanceof Error ? err.message : String(err)}`)]
  }
  const seen = new Set<string>()
  return parsed.items.flatMap((item) => {
    const id = itemId(item)
    if (id !== null && seen.has(id)) return [] // the same guid twice in one document
    if (id !== null) seen.add(id)
    return [normaliseItem(item, parsed.feed, feedUrl)]
  })
}
