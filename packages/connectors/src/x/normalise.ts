import { dlq, drop, type Mention, type Outcome } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { arr, count, isRecord, type Json, nonEmpty, rec, str, toIso, uniq } from '../framework/values.ts'

/** The fields Pulse asks X for on search and stream requests. */
export const X_FIELDS = {
  'tweet.fields':
    'created_at,author_id,lang,public_metrics,entities,referenced_tweets,conversation_id,note_tweet',
  expansions: 'author_id',
  'user.fields': 'username,name,public_metrics',
} as const

const REF: Record<string, 'inReplyTo' | 'quoteOf' | 'repostOf'> = {
  replied_to: 'inReplyTo',
  quoted: 'quoteOf',
  retweeted: 'repostOf',
}

function tweet(t: unknown, users: Map<string, Json>): Outcome<Mention> {
  if (!isRecord(t)) return dlq('tweet is not an object')
  const id = nonEmpty(t.id)
  if (id === undefined || !/^\d+$/.test(id)) return dlq(`tweet with invalid id ${JSON.stringify(t.id)}`)
  const text = str(rec(t.note_tweet).text) ?? str(t.text)
  if (text === undefined) return dlq(`tweet ${id} without text`)
  const authorId = nonEmpty(t.author_id)
  if (authorId === undefined) return dlq(`tweet ${id} without author_id (request tweet.fields=author_id)`)
  const createdAt = toIso(t.created_at)
  if (createdAt === undefined)
    return dlq(`tweet ${id} without valid created_at (request tweet.fields=created_at)`)
  const user = users.get(authorId)
  const username = nonEmpty(user?.username)
  const entities = rec(t.entities)
  const metrics = rec(t.public_metrics)
  const refs: { inReplyTo?: string; quoteOf?: string; repostOf?: string } = {}
  for (const r of arr(t.referenced_tweets)) {
    const field = REF[String(rec(r).type)]
    const refId = nonEmpty(rec(r).id)
    if (field && refId) refs[field] = `x:${refId}`
  }
  return finish({
    id: `x:${id}`,
    source: 'x',
    url: `https://x.com/${username ?? 'i'}/status/${id}`,
    author: {
      id: authorId,
      handle: username?.toLowerCase() ?? null,
      name: nonEmpty(user?.name) ?? null,
      followers: count(rec(user?.public_metrics).followers_count) ?? null,
    },
    text,
    lang: nonEmpty(t.lang) ?? null,
    createdAt,
    hashtags: uniq(
      arr(entities.hashtags).flatMap((h) => (nonEmpty(rec(h).tag) ? [String(rec(h).tag).toLowerCase()] : [])),
    ),
    mentions: uniq(
      arr(entities.mentions).flatMap((m) =>
        nonEmpty(rec(m).username) ? [String(rec(m).username).toLowerCase()] : [],
      ),
    ),
    engagement: {
      likes: count(metrics.like_count) ?? 0,
      reposts: count(metrics.retweet_count) ?? 0,
      replies: count(metrics.reply_count) ?? 0,
      quotes: count(metrics.quote_count) ?? 0,
      views: count(metrics.impression_count) ?? null,
    },
    ...refs,
  })
}

/**
 * X API v2 payloads: a recent-search page (`data: Tweet[]`, `includes.users`, `meta`) or a
 * filtered-stream line (`data: Tweet`, `includes`, `matching_rules`). Authors come from
 * `includes.users` (expansion `author_id`). A stream line with only `errors` (e.g.
 * operational-disconnect) is dropped with its title; an empty page gives nothing.
 */
export function normaliseX(raw: unknown): Outcome<Mention>[] {
  if (!isRecord(raw)) return [dlq('not an X API v2 response object')]
  const users = new Map<string, Json>()
  for (const u of arr(rec(raw.includes).users)) {
    const id = nonEmpty(rec(u).id)
    if (id !== undefined && isRecord(u)) users.set(id, u)
  }
  if (Array.isArray(raw.data)) return raw.data.map((t) => tweet(t, users))
  if (isRecord(raw.data)) return [tweet(raw.data, users)]
  if (raw.data !== undefined) return [dlq('data is neither a tweet nor a list of tweets')]
  if (Array.isArray(raw.errors) && raw.errors.length > 0) {
    const e = rec(raw.errors[0])
    return [
      drop(
        `X error message, not a tweet: ${String(e.title ?? e.message ?? 'unknown')}${e.detail ? ` (${String(e.detail)})` : ''}`,
      ),
    ]
  }
  if (isRecord(raw.meta)) return []
  return [dlq('no data, errors or meta: not an X API v2 response')]
}
