import { dlq, drop, type Mention, type Outcome } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { hashtagsIn } from '../framework/text.ts'
import {
  arr,
  count,
  fromUnixSeconds,
  isRecord,
  type Json,
  nonEmpty,
  rec,
  str,
  uniq,
} from '../framework/values.ts'

const GONE = new Set(['[deleted]', '[removed]'])

/** `u/name` references in Reddit text, lowercased. */
const userRefs = (text: string): string[] =>
  [...text.matchAll(/(?:^|[^\w/])\/?u\/([A-Za-z0-9_-]{3,20})/g)].flatMap((m) =>
    m[1] ? [m[1].toLowerCase()] : [],
  )

function author(d: Json): { id: string; handle: string | null } {
  const name = nonEmpty(d.author)
  if (name === undefined || name === '[deleted]') return { id: '[deleted]', handle: null }
  return { id: nonEmpty(d.author_fullname) ?? `u/${name}`, handle: name.toLowerCase() }
}

const clampCount = (v: unknown): number => {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0
  return Math.max(0, n)
}

function thing(kind: string, d: Json): Outcome<Mention> {
  const fullname = nonEmpty(d.name) ?? (nonEmpty(d.id) ? `${kind}_${String(d.id)}` : undefined)
  if (fullname === undefined) return dlq(`${kind} without name or id`)
  const createdAt = fromUnixSeconds(d.created_utc)
  if (createdAt === undefined) return dlq(`${fullname}: invalid created_utc ${JSON.stringify(d.created_utc)}`)
  const permalink = nonEmpty(d.permalink)
  const url = permalink ? `https://www.reddit.com${permalink}` : null
  const who = author(d)
  if (kind === 't3') {
    const title = str(d.title)
    if (title === undefined) return dlq(`${fullname}: post without title`)
    const selftext = str(d.selftext) ?? ''
    if (GONE.has(selftext) || nonEmpty(d.removed_by_category)) {
      return drop(
        `${fullname}: post ${selftext === '[deleted]' || d.removed_by_category === 'deleted' ? 'deleted' : 'removed'}`,
      )
    }
    const text = selftext === '' ? title : `${title}\n\n${selftext}`
    const crosspost = nonEmpty(d.crosspost_parent)
    return finish({
      id: `reddit:${fullname}`,
      source: 'reddit',
      url,
      author: who,
      text,
      title,
      createdAt,
      hashtags: uniq(hashtagsIn(text)),
      mentions: uniq(userRefs(text)),
      engagement: {
        likes: clampCount(d.score),
        replies: count(d.num_comments) ?? 0,
        reposts: count(d.num_crossposts) ?? 0,
        quotes: 0,
      },
      repostOf: crosspost ? `reddit:${crosspost}` : null,
    })
  }
  const body = str(d.body)
  if (body === undefined) return dlq(`${fullname}: comment without body`)
  if (GONE.has(body)) return drop(`${fullname}: comment ${body === '[deleted]' ? 'deleted' : 'removed'}`)
  const parent = nonEmpty(d.parent_id)
  return finish({
    id: `reddit:${fullname}`,
    source: 'reddit',
    url,
    author: who,
    text: body,
    title: nonEmpty(d.link_title) ?? null,
    createdAt,
    hashtags: uniq(hashtagsIn(body)),
    mentions: uniq(userRefs(body)),
    engagement: { likes: clampCount(d.score), replies: 0, reposts: 0, quotes: 0 },
    inReplyTo: parent ? `reddit:${parent}` : null,
  })
}

/**
 * Reddit JSON: a thing (`{kind:'t3'|'t1', data}`), a Listing (search, `new`, `comments`), or the
 * array a `/comments/<id>` page returns; nested comment `replies` are walked. Posts and comments
 * become mentions; `[deleted]`/`[removed]` ones and `more` stubs are dropped.
 */
export function normaliseReddit(raw: unknown): Outcome<Mention>[] {
  if (Array.isArray(raw)) return raw.flatMap(normaliseReddit)
  if (!isRecord(raw)) return [dlq('not a Reddit thing or Listing')]
  const data = rec(raw.data)
  if (raw.kind === 'Listing') {
    if (!Array.isArray(data.children)) return [dlq('Listing without children')]
    return data.children.flatMap(normaliseReddit)
  }
  if (raw.kind === 'more') return [drop(`more-comments stub (${arr(data.children).length} not loaded)`)]
  if (raw.kind !== 't3' && raw.kind !== 't1') return [drop(`not a post or comment (${String(raw.kind)})`)]
  if (!isRecord(raw.data)) return [dlq(`${raw.kind} without data`)]
  const own = thing(raw.kind, data)
  return isRecord(data.replies) ? [own, ...normaliseReddit(data.replies)] : [own]
}
