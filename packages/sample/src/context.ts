import type { MentionInput } from '@pulse/core'
import { Population } from './authors.ts'
import type { Draft } from './draft.ts'
import { Rng, Weighted } from './random.ts'
import { extractTags } from './render.ts'
import { postIds, type SampleSource, slugOf, videoId } from './sources.ts'
import { CITIES, CITY_WEIGHTS, COUNTRY, REGION } from './vocab.ts'

export type Later = (ctx: Context, ms: number) => Draft | null
interface Scheduled {
  readonly ms: number
  readonly make: Later
}

const MINUTE = 60_000
const RING = 64
const SUBREDDITS = ['Columbus', 'Ohio', 'AskDocs', 'HealthInsurance', 'nursing']
const cityTable = new Weighted(CITIES.map((c, i) => [c, CITY_WEIGHTS[i] ?? 1] as const))

/**
 * Shared state of one generation run: the PRNG, the author population, a sequence for unique
 * ids, posts scheduled for later minutes (replies) and recent posts per source to reply to.
 */
export class Context {
  readonly rng: Rng
  readonly population: Population
  /** Minute (epoch ms / 60 000) being generated; scheduling never goes back before the next one. */
  minute = 0
  private seq = 0
  private readonly pending = new Map<number, Scheduled[]>()
  private readonly recent = new Map<SampleSource, string[]>()

  constructor(
    readonly seed: number,
    populationSize: number,
  ) {
    this.rng = new Rng(seed)
    this.population = new Population(populationSize, seed)
  }

  /** Schedules a post at `ms` (moved to the next minute if that has already been generated). */
  schedule(ms: number, make: Later): void {
    const at = Math.max(Math.floor(ms), (this.minute + 1) * MINUTE)
    const key = Math.floor(at / MINUTE)
    const list = this.pending.get(key)
    if (list) list.push({ ms: at, make })
    else this.pending.set(key, [{ ms: at, make }])
  }

  /** Takes the posts scheduled in `minute`, in time order. */
  takeDue(minute: number): Scheduled[] {
    const list = this.pending.get(minute)
    if (!list) return []
    this.pending.delete(minute)
    return list.sort((a, b) => a.ms - b.ms)
  }

  /** A recent post on `source` (for replies), if any. */
  recentPost(source: SampleSource): string | undefined {
    const ring = this.recent.get(source)
    return ring && ring.length > 0 ? ring[this.rng.int(ring.length)] : undefined
  }

  private remember(source: SampleSource, id: string): void {
    let ring = this.recent.get(source)
    if (!ring) {
      ring = []
      this.recent.set(source, ring)
    }
    if (ring.length < RING) ring.push(id)
    else ring[this.seq % RING] = id
  }

  /** Turns a draft into a connector-shaped mention at instant `ms`. */
  build(d: Draft, ms: number): MentionInput {
    const rng = this.rng
    const seq = ++this.seq
    let inReplyTo = d.inReplyTo
    let parentId = d.parentId
    let isComment = d.isComment ?? false
    const explicit = inReplyTo !== undefined || d.repostOf !== undefined || d.quoteOf !== undefined
    if (d.source === 'reddit' && d.isComment === undefined && !explicit && rng.chance(0.62)) {
      const thread = this.recentPost('reddit')
      if (thread) {
        isComment = true
        parentId = thread
        inReplyTo = thread
      }
    } else if (d.source === 'youtube') {
      parentId ??= videoId(this.seed, rng.int(48))
      isComment = true
      if (!explicit && rng.chance(0.2)) inReplyTo = this.recentPost('youtube')
    } else if ((d.source === 'x' || d.source === 'bluesky' || d.source === 'mastodon') && !explicit) {
      if (rng.chance(0.14)) inReplyTo = this.recentPost(d.source)
    }
    const ids = postIds({
      source: d.source,
      ms,
      seq,
      authorId: d.author.id,
      authorHandle: d.author.handle,
      subreddit: d.subreddit ?? rng.pick(SUBREDDITS),
      isComment,
      parentId: parentId ?? null,
      slug: d.source === 'news' || (d.source === 'reddit' && !isComment) ? slugOf(d.title ?? d.text) : '',
      seed: this.seed,
    })
    const tags = extractTags(d.title ? `${d.title} ${d.text}` : d.text)
    const mention: MentionInput = {
      id: ids.id,
      source: d.source,
      url: ids.url,
      author: {
        id: d.author.id,
        handle: d.author.handle,
        name: d.author.name,
        followers: d.author.followers,
      },
      text: d.text,
      lang: d.lang,
      createdAt: new Date(ms).toISOString(),
      hashtags: tags.hashtags,
      mentions: tags.mentions,
      engagement: this.engagement(d),
    }
    const title = d.title ?? (d.source === 'reddit' && !isComment ? redditTitle(d.text) : undefined)
    if (title !== undefined) mention.title = title
    if (inReplyTo !== undefined) mention.inReplyTo = inReplyTo
    if (d.quoteOf !== undefined) mention.quoteOf = d.quoteOf
    if (d.repostOf !== undefined) mention.repostOf = d.repostOf
    if (d.rating !== undefined) mention.rating = d.rating
    const city = d.city ?? (rng.chance(0.18) ? cityTable.draw(rng) : undefined)
    if (city !== undefined) mention.geo = { city, region: REGION, country: COUNTRY }
    if (d.repostOf === undefined && !(d.source === 'reddit' && isComment)) this.remember(d.source, ids.id)
    d.afterBuild?.(this, mention)
    return mention
  }

  private engagement(d: Draft): NonNullable<MentionInput['engagement']> {
    const rng = this.rng
    const reach = d.reach ?? 1
    if (d.repostOf !== undefined) return { likes: 0, reposts: 0, replies: 0, quotes: 0 }
    const scale = (d.author.followers * 0.003 + 0.4) * reach * Math.exp(rng.normal())
    const likes = reach === 1 && rng.chance(0.38) ? 0 : Math.round(scale)
    const reposts = Math.round(likes * 0.15 * rng.next())
    const replies = d.source === 'reviews' ? 0 : Math.round(likes * 0.08 * rng.next())
    const quotes = d.source === 'x' || d.source === 'bluesky' ? Math.round(likes * 0.03 * rng.next()) : 0
    return d.source === 'x' || d.source === 'youtube'
      ? { likes, reposts, replies, quotes, views: Math.round((likes + 1) * (30 + 90 * rng.next())) }
      : { likes, reposts, replies, quotes }
  }
}

function redditTitle(text: string): string {
  const cut = text.search(/[.?!]\s/)
  const first = cut > 0 ? text.slice(0, cut + 1) : text
  if (first.length <= 90) return first
  const space = first.lastIndexOf(' ', 87)
  return `${first.slice(0, space > 20 ? space : 87)}...`
}
