import { dlq, drop, type Mention, type Outcome } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { arr, count, isRecord, nonEmpty, rec, str, toIso, uniq } from '../framework/values.ts'

export const POST_COLLECTION = 'app.bsky.feed.post'

const AT_POST = /^at:\/\/(did:[a-z]+:[A-Za-z0-9._:%-]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._:~-]+)$/

/** `at://did/app.bsky.feed.post/rkey` of a post, or undefined when the uri is not a post. */
const postId = (uri: unknown): string | undefined => {
  const u = str(uri)
  return u !== undefined && AT_POST.test(u) ? `bluesky:${u}` : undefined
}

/** Text covered by a facet's UTF-8 byte range (facets index bytes, not UTF-16 units). */
function byteSlice(bytes: Buffer, index: unknown): string | undefined {
  const i = rec(index)
  const start = count(i.byteStart)
  const end = count(i.byteEnd)
  if (start === undefined || end === undefined || end <= start || end > bytes.length) return undefined
  return bytes.subarray(start, end).toString('utf8')
}

function facets(record: Record<string, unknown>, text: string): { hashtags: string[]; mentions: string[] } {
  const bytes = Buffer.from(text, 'utf8')
  const hashtags: string[] = arr(record.tags).flatMap((t) => (typeof t === 'string' && t !== '' ? [t] : []))
  const mentions: string[] = []
  for (const facet of arr(record.facets)) {
    for (const f of arr(rec(facet).features)) {
      const feature = rec(f)
      if (feature.$type === 'app.bsky.richtext.facet#tag' && nonEmpty(feature.tag))
        hashtags.push(String(feature.tag))
      if (feature.$type === 'app.bsky.richtext.facet#mention') {
        const handle = byteSlice(bytes, rec(facet).index)?.replace(/^@/, '')
        const did = nonEmpty(feature.did)
        const who = handle && handle.trim() !== '' ? handle.trim() : did
        if (who) mentions.push(who)
      }
    }
  }
  const lower = (xs: string[]): string[] => uniq(xs.map((x) => x.replace(/^[#@]/, '').toLowerCase()))
  return { hashtags: lower(hashtags), mentions: lower(mentions) }
}

function quoted(embed: unknown): string | undefined {
  const e = rec(embed)
  if (e.$type === 'app.bsky.embed.record') return postId(rec(e.record).uri)
  if (e.$type === 'app.bsky.embed.recordWithMedia') return postId(rec(rec(e.record).record).uri)
  return undefined
}

/**
 * Normalises Jetstream events (`kind: commit | identity | account`). Posts (`app.bsky.feed.post`
 * create/update commits) become mentions; deletes, other collections and identity/account events
 * are dropped with a reason. Identity events teach the normaliser the DID's current handle, so
 * later posts by that DID carry it (Jetstream commits carry only the DID).
 */
export function createBlueskyNormaliser(handleCacheSize = 50_000): (raw: unknown) => Outcome<Mention> {
  const handles = new Map<string, string>()
  return (raw) => {
    if (!isRecord(raw)) return dlq('not a Jetstream event object')
    const did = nonEmpty(raw.did)
    if (did === undefined) return dlq('Jetstream event without did')
    if (raw.kind === 'identity') {
      const handle = nonEmpty(rec(raw.identity).handle)
      if (handle !== undefined) {
        handles.delete(did)
        handles.set(did, handle.toLowerCase())
        if (handles.size > handleCacheSize) {
          const oldest = handles.keys().next()
          if (!oldest.done) handles.delete(oldest.value)
        }
      }
      return drop(`identity event for ${did}${handle ? ` (handle ${handle})` : ''}`)
    }
    if (raw.kind === 'account') {
      const a = rec(raw.account)
      return drop(
        `account event for ${did} (active=${String(a.active)}${a.status ? `, ${String(a.status)}` : ''})`,
      )
    }
    if (raw.kind !== 'commit') return dlq(`unknown Jetstream event kind ${JSON.stringify(raw.kind)}`)
    const commit = rec(raw.commit)
    const rkey = nonEmpty(commit.rkey)
    if (commit.collection !== POST_COLLECTION) return drop(`not a post (${String(commit.collection)})`)
    if (rkey === undefined) return dlq('commit without rkey')
    const uri = `at://${did}/${POST_COLLECTION}/${rkey}`
    if (commit.operation === 'delete') return drop(`post deleted: ${uri}`)
    if (commit.operation !== 'create' && commit.operation !== 'update') {
      return dlq(`unknown commit operation ${JSON.stringify(commit.operation)}`)
    }
    if (!isRecord(commit.record)) return dlq(`${commit.operation} commit without record: ${uri}`)
    const record = commit.record
    const text = str(record.text)
    if (text === undefined) return dlq(`post record without text: ${uri}`)
    const createdAt = toIso(record.createdAt)
    if (createdAt === undefined)
      return dlq(`post record with invalid createdAt ${JSON.stringify(record.createdAt)}: ${uri}`)
    const { hashtags, mentions } = facets(record, text)
    const lang = arr(record.langs).find((l) => typeof l === 'string')
    return finish({
      id: `bluesky:${uri}`,
      source: 'bluesky',
      url: `https://bsky.app/profile/${did}/post/${rkey}`,
      author: { id: did, handle: handles.get(did) ?? null },
      text,
      lang: typeof lang === 'string' ? lang : null,
      createdAt,
      hashtags,
      mentions,
      inReplyTo: postId(rec(rec(record.reply).parent).uri) ?? null,
      quoteOf: quoted(record.embed) ?? null,
    })
  }
}
