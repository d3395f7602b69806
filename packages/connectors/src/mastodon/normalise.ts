import { dlq, drop, type Mention, type Outcome } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { htmlToText } from '../framework/text.ts'
import { arr, count, isRecord, type Json, nonEmpty, rec, str, toIso, uniq } from '../framework/values.ts'

/** `mastodon.social` from `mastodon.social`, `https://mastodon.social/` or a status URL. */
export function instanceHost(instance: string): string {
  const s = instance.trim()
  try {
    return new URL(s.includes('://') ? s : `https://${s}`).host.toLowerCase()
  } catch {
    return s.toLowerCase()
  }
}

/** Full `user@host` for an account's `acct` (local accounts have no `@host`). */
const qualify = (acct: string, host: string): string =>
  (acct.includes('@') ? acct : `${acct}@${host}`).toLowerCase()

function quoteId(status: Json): string | undefined {
  const q = rec(status.quote)
  return nonEmpty(rec(q.quoted_status).id) ?? nonEmpty(q.quoted_status_id)
}

/**
 * One Mastodon Status entity → a mention. `host` is the server the status was fetched from (its
 * ids are local to it); when omitted it is taken from the status of a local account. Boosts become
 * mentions with `repostOf` and the boosted text.
 */
export function normaliseStatus(status: unknown, host?: string): Outcome<Mention> {
  if (!isRecord(status)) return dlq('status is not an object')
  const id = nonEmpty(status.id)
  if (id === undefined) return dlq('status without id')
  const account = rec(status.account)
  const acct = nonEmpty(account.acct)
  if (acct === undefined) return dlq(`status ${id}: account without acct`)
  let server = host
  if (server === undefined) {
    if (acct.includes('@'))
      return dlq(`status ${id}: remote account ${acct}; pass the instance it was fetched from`)
    const from = nonEmpty(status.uri) ?? nonEmpty(status.url)
    if (from === undefined) return dlq(`status ${id}: no uri to tell its instance`)
    server = instanceHost(from)
  }
  const boosted = isRecord(status.reblog) ? status.reblog : undefined
  const body = boosted ?? status
  const content = str(body.content)
  if (content === undefined) return dlq(`status ${id}: content is not a string`)
  const createdAt = toIso(status.created_at)
  if (createdAt === undefined)
    return dlq(`status ${id}: invalid created_at ${JSON.stringify(status.created_at)}`)
  const spoiler = nonEmpty(body.spoiler_text)
  const mentionOf = (s: Json): string[] =>
    arr(s.mentions).flatMap((m) => {
      const a = nonEmpty(rec(m).acct)
      return a === undefined ? [] : [qualify(a, server)]
    })
  const boostedId = boosted ? nonEmpty(boosted.id) : undefined
  const replyTo = nonEmpty(status.in_reply_to_id)
  const quoted = quoteId(body)
  return finish({
    id: `mastodon:${server}:${id}`,
    source: 'mastodon',
    url: nonEmpty(status.url) ?? nonEmpty(status.uri) ?? null,
    author: {
      id: qualify(acct, server),
      handle: qualify(acct, server),
      name: nonEmpty(account.display_name) ?? null,
      followers: count(account.followers_count) ?? null,
    },
    text: htmlToText(content),
    title: spoiler ?? null,
    lang: nonEmpty(body.language) ?? null,
    createdAt,
    hashtags: uniq(
      arr(body.tags).flatMap((t) => (nonEmpty(rec(t).name) ? [String(rec(t).name).toLowerCase()] : [])),
    ),
    mentions: uniq(mentionOf(body)),
    engagement: {
      likes: count(status.favourites_count) ?? 0,
      reposts: count(status.reblogs_count) ?? 0,
      replies: count(status.replies_count) ?? 0,
      quotes: count(status.quotes_count) ?? 0,
    },
    inReplyTo: replyTo ? `mastodon:${server}:${replyTo}` : null,
    repostOf: boostedId ? `mastodon:${server}:${boostedId}` : null,
    quoteOf: quoted ? `mastodon:${server}:${quoted}` : null,
  })
}

/**
 * Any recorded Mastodon payload: a Status, an array of statuses (a REST timeline page), or a
 * streaming event `{ event, payload }` (the WebSocket streaming shape, also what the SSE reader
 * delivers). `update` and `status.update` (an edit) give mentions; `delete` is dropped.
 */
export function normaliseMastodon(raw: unknown, host?: string): readonly Outcome<Mention>[] {
  if (Array.isArray(raw)) return raw.map((s) => normaliseStatus(s, host))
  if (!isRecord(raw)) return [dlq('not a Mastodon status, page or streaming event')]
  if (typeof raw.event !== 'string') return [normaliseStatus(raw, host)]
  const event = raw.event
  if (event === 'delete') return [drop(`status deleted: ${String(raw.payload)}`)]
  if (event !== 'update' && event !== 'status.update') return [drop(`not a status event (${event})`)]
  let payload: unknown = raw.payload
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload)
    } catch {
      return [dlq(`${event} event payload is not JSON`)]
    }
  }
  return [normaliseStatus(payload, host)]
}
