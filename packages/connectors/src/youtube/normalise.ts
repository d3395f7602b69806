import { dlq, drop, type Mention, type Outcome } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { hashtagsIn, htmlToText } from '../framework/text.ts'
import { arr, count, isRecord, type Json, nonEmpty, rec, str, toIso, uniq } from '../framework/values.ts'

const handlesIn = (text: string): string[] =>
  [...text.matchAll(/(?:^|[^\w@.])@([A-Za-z0-9_.-]{3,30})/g)].flatMap((m) =>
    m[1] ? [m[1].replace(/\.+$/, '').toLowerCase()] : [],
  )

function comment(c: unknown, videoId: string | undefined, replyCount: number | undefined): Outcome<Mention> {
  if (!isRecord(c)) return dlq('comment is not an object')
  const id = nonEmpty(c.id)
  if (id === undefined) return dlq('comment without id')
  const s = rec(c.snippet)
  const display = str(s.textDisplay)
  const text = str(s.textOriginal) ?? (display === undefined ? undefined : htmlToText(display))
  if (text === undefined) return dlq(`comment ${id} without textOriginal or textDisplay`)
  const createdAt = toIso(s.publishedAt)
  if (createdAt === undefined)
    return dlq(`comment ${id}: invalid publishedAt ${JSON.stringify(s.publishedAt)}`)
  const name = nonEmpty(s.authorDisplayName)
  const authorId = nonEmpty(rec(s.authorChannelId).value) ?? (name ? `name:${name}` : undefined)
  if (authorId === undefined) return drop(`comment ${id}: author gone (no channel id or name)`)
  const video = nonEmpty(s.videoId) ?? videoId
  const parent = nonEmpty(s.parentId)
  return finish({
    id: `youtube:${id}`,
    source: 'youtube',
    url: video
      ? `https://www.youtube.com/watch?v=${encodeURIComponent(video)}&lc=${encodeURIComponent(id)}`
      : null,
    author: {
      id: authorId,
      handle: name?.startsWith('@') ? name.slice(1).toLowerCase() : null,
      name: name ?? null,
    },
    text,
    createdAt,
    hashtags: uniq(hashtagsIn(text)),
    mentions: uniq(handlesIn(text)),
    engagement: { likes: count(s.likeCount) ?? 0, replies: replyCount ?? 0, reposts: 0, quotes: 0 },
    inReplyTo: parent ? `youtube:${parent}` : null,
  })
}

function thread(t: Json): Outcome<Mention>[] {
  const s = rec(t.snippet)
  if (!isRecord(s.topLevelComment)) return [dlq(`comment thread ${String(t.id)} without topLevelComment`)]
  const videoId = nonEmpty(s.videoId)
  const top = comment(s.topLevelComment, videoId, count(s.totalReplyCount))
  return [top, ...arr(rec(t.replies).comments).map((r) => comment(r, videoId, undefined))]
}

/**
 * YouTube Data API v3: a `commentThreadListResponse` page, one `commentThread` (top-level comment
 * plus the replies the API includes), a `commentListResponse` or a single `comment`.
 */
export function normaliseYouTube(raw: unknown): Outcome<Mention>[] {
  if (!isRecord(raw)) return [dlq('not a YouTube API object')]
  switch (raw.kind) {
    case 'youtube#commentThreadListResponse':
    case 'youtube#commentListResponse':
      if (!Array.isArray(raw.items)) return [dlq(`${raw.kind} without items`)]
      return raw.items.flatMap(normaliseYouTube)
    case 'youtube#commentThread':
      return thread(raw)
    case 'youtube#comment':
      return [comment(raw, undefined, undefined)]
    default:
      if (isRecord(raw.error))
        return [
          drop(`API error response, not comments: ${String(rec(raw.error).message ?? rec(raw.error).code)}`),
        ]
      return [dlq(`not a YouTube comment resource (kind ${JSON.stringify(raw.kind)})`)]
  }
}
