import { B64URL, encode, hashChars, TID } from './codes.ts'

/** Platforms in the sample, each with its own id and url format. */
export type SampleSource = 'bluesky' | 'mastodon' | 'reddit' | 'x' | 'youtube' | 'news' | 'reviews'

/** Share of background volume per source. */
export const SOURCE_WEIGHTS: ReadonlyArray<readonly [SampleSource, number]> = [
  ['x', 30],
  ['bluesky', 17],
  ['reddit', 19],
  ['mastodon', 7],
  ['youtube', 8],
  ['news', 5],
  ['reviews', 14],
]

export const SOCIAL: readonly SampleSource[] = ['x', 'bluesky', 'reddit', 'mastodon']

const TWITTER_EPOCH = 1_288_834_974_657

/** `high × factor + low` as a decimal string, exact beyond 2^53 (snowflake ids). */
export function mulAddDecimal(high: number, factor: number, low: number): string {
  const hi = Math.floor(high / 1e6)
  const a = (high % 1e6) * factor + low
  const top = hi * factor + Math.floor(a / 1e6)
  const rest = String(a % 1e6).padStart(6, '0')
  return top > 0 ? `${top}${rest}` : String(a % 1e6)
}

export interface PostIds {
  readonly id: string
  readonly url: string
}

export interface IdInput {
  readonly source: SampleSource
  readonly ms: number
  /** Sequence number unique within the stream: makes every id unique. */
  readonly seq: number
  readonly authorId: string
  readonly authorHandle: string | null
  readonly subreddit: string
  readonly isComment: boolean
  /** Post a comment belongs to (reddit thread id, youtube video id), when known. */
  readonly parentId: string | null
  readonly slug: string
  readonly seed: number
}

/** A platform-native id and permalink for one post. */
export function postIds(p: IdInput): PostIds {
  const handle = p.authorHandle ?? 'user'
  switch (p.source) {
    case 'bluesky': {
      const rkey =
        encode(TID, p.ms * 1000 + (p.seq % 1000), 11) + encode(TID, Math.floor(p.seq / 1000) % 1024, 2)
      return {
        id: `bluesky:at://${p.authorId}/app.bsky.feed.post/${rkey}`,
        url: `https://bsky.app/profile/${handle}/post/${rkey}`,
      }
    }
    case 'x': {
      const id = mulAddDecimal(p.ms - TWITTER_EPOCH, 4_194_304, p.seq % 4_194_304)
      return { id: `x:${id}`, url: `https://x.com/${handle}/status/${id}` }
    }
    case 'mastodon': {
      const status = mulAddDecimal(p.ms, 65_536, p.seq % 65_536)
      const [user, instance] = handle.split('@')
      return {
        id: `mastodon:${p.authorId}/statuses/${status}`,
        url: `https://${instance ?? 'mastodon.social'}/@${user ?? handle}/${status}`,
      }
    }
    case 'reddit': {
      const base = (1_900_000_000 + p.seq * 7 + (p.ms % 7)).toString(36)
      const thread = p.parentId?.replace(/^reddit:t3_/, '') ?? base
      return p.isComment
        ? {
            id: `reddit:t1_${base}`,
            url: `https://www.reddit.com/r/${p.subreddit}/comments/${thread}/comment/${base}/`,
          }
        : {
            id: `reddit:t3_${base}`,
            url: `https://www.reddit.com/r/${p.subreddit}/comments/${base}/${p.slug}/`,
          }
    }
    case 'youtube': {
      const video = p.parentId ?? hashChars(B64URL, 11, p.seed, 1)
      const comment = `Ugx${hashChars(B64URL, 14, p.seed, p.seq)}${encode(B64URL, p.seq, 6)}4AaABAg`
      return { id: `youtube:${comment}`, url: `https://www.youtube.com/watch?v=${video}&lc=${comment}` }
    }
    case 'news': {
      const day = new Date(p.ms).toISOString().slice(0, 10).replaceAll('-', '/')
      const url = `https://www.${p.authorId}/health/${day}/${p.slug}-${p.seq.toString(36)}`
      return { id: `news:${url}`, url }
    }
    case 'reviews': {
      const review = `ChdDSUhNMG9nS0VJQ0Fn${hashChars(B64URL, 8, p.seed, p.seq)}${encode(B64URL, p.seq, 6)}`
      return {
        id: `reviews:google:${review}`,
        url: `https://www.google.com/maps/reviews/data=!4m8!14m7!1m6!2m5!1s${review}`,
      }
    }
  }
}

/** A url-safe slug of the first words of a text. */
export function slugOf(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0)
  return words.slice(0, 6).join('-') || 'post'
}

/** A stable pool of YouTube video ids (health explainers, local news clips). */
export function videoId(seed: number, k: number): string {
  return hashChars(B64URL, 11, seed ^ 0x5f3759df, k)
}
