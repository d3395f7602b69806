import { type DeadLetter, type EnrichedMention, type Signal, signalSchema } from '@pulse/core'
import type { RowBinaryColumns } from './row-binary.ts'

/** ClickHouse DateTime64(3) text: `YYYY-MM-DD HH:MM:SS.sss` (UTC). */
export function chTime(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '')
}

/** The inverse of `chTime`: a UTC DateTime/DateTime64 as ClickHouse prints it → ISO-8601. */
export function fromChTime(text: string): string {
  return `${text.replace(' ', 'T')}Z`
}

const clampU32 = (n: number | null | undefined): number =>
  Math.min(Math.max(Math.trunc(n ?? 0), 0), 4_294_967_295)

/**
 * The `mentions` columns the sink writes, with their ClickHouse types exactly as migration 001 declares
 * them (an integration test compares the two). The types drive the embedded RowBinary encoding.
 */
export const MENTION_TABLE = [
  ['id', 'String'],
  ['source', 'LowCardinality(String)'],
  ['url', 'String'],
  ['author_id', 'String'],
  ['author_handle', 'String'],
  ['author_followers', 'UInt32'],
  ['from_org', 'Bool'],
  ['text', 'String'],
  ['title', 'String'],
  ['lang', 'LowCardinality(String)'],
  ['created_at', "DateTime64(3, 'UTC')"],
  ['hashtags', 'Array(String)'],
  ['mentioned', 'Array(String)'],
  ['likes', 'UInt32'],
  ['reposts', 'UInt32'],
  ['replies', 'UInt32'],
  ['quotes', 'UInt32'],
  ['in_reply_to', 'String'],
  ['quote_of', 'String'],
  ['repost_of', 'String'],
  ['rating', 'Nullable(Float32)'],
  ['city', 'LowCardinality(String)'],
  ['region', 'LowCardinality(String)'],
  ['country', 'LowCardinality(String)'],
  ['sentiment_score', 'Nullable(Float32)'],
  ['sentiment_label', 'LowCardinality(String)'],
  ['topics', 'Array(String)'],
  ['intents', 'Array(String)'],
  ['claims', 'Array(String)'],
  ['claim_stances', 'Array(String)'],
  ['terms', 'Array(String)'],
  ['redactions', 'Array(String)'],
  ['self_disclosure', 'Bool'],
  ['enriched_at', "DateTime64(3, 'UTC')"],
] as const satisfies RowBinaryColumns

export const MENTION_COLUMNS: readonly string[] = MENTION_TABLE.map(([name]) => name)

/**
 * A mention's cells in `MENTION_TABLE` order. Timestamps as ClickHouse's UTC text by default (for
 * JSON rows); `time` may give epoch milliseconds instead (RowBinary), skipping a round trip
 * through the text.
 */
export function mentionRow(m: EnrichedMention, time: (iso: string) => string | number = chTime): unknown[] {
  return [
    m.id,
    m.source,
    m.url ?? '',
    m.author.id,
    m.author.handle ?? '',
    clampU32(m.author.followers),
    m.fromOrg,
    m.text,
    m.title ?? '',
    m.lang,
    time(m.createdAt),
    m.hashtags,
    m.mentions,
    clampU32(m.engagement.likes),
    clampU32(m.engagement.reposts),
    clampU32(m.engagement.replies),
    clampU32(m.engagement.quotes),
    m.inReplyTo ?? '',
    m.quoteOf ?? '',
    m.repostOf ?? '',
    m.rating ?? null,
    m.geo?.city ?? '',
    m.geo?.region ?? '',
    m.geo?.country ?? '',
    m.sentiment?.score ?? null,
    m.sentiment?.label ?? '',
    m.topics,
    m.intents,
    m.claims.map((c) => c.id),
    m.claims.map((c) => c.stance),
    m.terms,
    m.redactions,
    m.selfDisclosure,
    time(m.enrichedAt),
  ]
}

/**
 * The `mentions` columns as `readMentions` selects them: `MENTION_COLUMNS` in order, the two
 * timestamps as epoch milliseconds.
 */
export const MENTION_READ_COLUMNS: readonly string[] = MENTION_COLUMNS.map((c) =>
  c === 'created_at' || c === 'enriched_at' ? `toUnixTimestamp64Milli(${c})` : c,
)

const orNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const msToIso = (v: unknown): string => new Date(Number(v)).toISOString()

/**
 * The inverse of `mentionRow` for a row selected as `MENTION_READ_COLUMNS`: the enriched mention as
 * stored. Empty strings come back as absent; a claim's match score is not stored and reads as 1.
 */
export function mentionFromRow(row: readonly unknown[]): EnrichedMention {
  const [
    id,
    source,
    url,
    authorId,
    handle,
    followers,
    fromOrg,
    text,
    title,
    lang,
    createdMs,
    hashtags,
    mentioned,
    likes,
    reposts,
    replies,
    quotes,
    inReplyTo,
    quoteOf,
    repostOf,
    rating,
    city,
    region,
    country,
    score,
    label,
    topics,
    intents,
    claims,
    stances,
    terms,
    redactions,
    selfDisclosure,
    enrichedMs,
  ] = row as [string, EnrichedMention['source'], ...unknown[]]
  const geo = { city: orNull(city), region: orNull(region), country: orNull(country) }
  const claimIds = claims as string[]
  return {
    id: id as string,
    source,
    url: orNull(url),
    author: { id: authorId as string, handle: orNull(handle), followers: Number(followers) },
    text: text as string,
    title: orNull(title),
    lang: lang as string,
    createdAt: msToIso(createdMs),
    hashtags: hashtags as string[],
    mentions: mentioned as string[],
    engagement: {
      likes: Number(likes),
      reposts: Number(reposts),
      replies: Number(replies),
      quotes: Number(quotes),
    },
    inReplyTo: orNull(inReplyTo),
    quoteOf: orNull(quoteOf),
    repostOf: orNull(repostOf),
    rating: rating === null ? null : Number(rating),
    geo: (geo.city ?? geo.region ?? geo.country) ? geo : null,
    fromOrg: Boolean(fromOrg),
    redactions: redactions as string[],
    selfDisclosure: Boolean(selfDisclosure),
    sentiment:
      score === null ? null : { score: Number(score), label: label as 'positive' | 'neutral' | 'negative' },
    topics: topics as string[],
    intents: intents as string[],
    claims: claimIds.map((c, i) => ({
      id: c,
      stance: (stances as string[])[i] as EnrichedMention['claims'][number]['stance'],
      score: 1,
    })),
    terms: terms as string[],
    enrichedAt: msToIso(enrichedMs),
  }
}

export const EVENT_COLUMNS = [
  'id',
  'source',
  'author_id',
  'lang',
  'created_at',
  'hashtags',
  'likes',
  'reposts',
  'replies',
  'quotes',
  'sentiment_score',
  'sentiment_label',
  'topics',
  'intents',
  'claims',
  'claim_stances',
  'from_org',
] as const

const EVENT_INDEXES = EVENT_COLUMNS.map((c) => {
  const i = MENTION_COLUMNS.indexOf(c)
  if (i < 0) throw new Error(`mention_events column ${c} is not a mentions column`)
  return i
})

/** The aggregate-feed row of a mention: its `mentionRow`, narrowed to EVENT_COLUMNS. */
export function eventRowOf(mentionRow: readonly unknown[]): unknown[] {
  return EVENT_INDEXES.map((i) => mentionRow[i])
}

export const DEAD_LETTER_COLUMNS = ['id', 'stage', 'topic', 'reason', 'payload', 'failed_at'] as const

export function deadLetterRow(d: DeadLetter): unknown[] {
  return [d.id, d.stage, d.topic, d.reason, d.payload, chTime(d.failedAt)]
}

export const SIGNAL_COLUMNS = [
  'id',
  'revision',
  'kind',
  'key_dimension',
  'key_value',
  'state',
  'severity',
  'score',
  'title',
  'summary',
  'bucket_start',
  'bucket_seconds',
  'opened_at',
  'updated_at',
  'observed',
  'expected',
  'unique_authors',
  'evidence',
] as const

export function signalRow(s: Signal): unknown[] {
  return [
    s.id,
    s.revision,
    s.kind,
    s.key.dimension,
    s.key.value,
    s.state,
    s.severity,
    s.score,
    s.title,
    s.summary,
    chTime(s.bucketStart),
    s.bucketSeconds,
    chTime(s.openedAt),
    chTime(s.updatedAt),
    s.evidence.observed,
    s.evidence.expected,
    s.evidence.uniqueAuthors,
    JSON.stringify(s.evidence),
  ]
}

/** A `signals` row as `SELECT *` returns it (JSONEachRow; 64-bit and DateTime64 values as text). */
export type StoredSignalRow = Record<(typeof SIGNAL_COLUMNS)[number], unknown>

/**
 * The inverse of `signalRow`: the Signal as stored (its evidence is the stored JSON), or undefined
 * for a row that no longer passes the Signal schema.
 */
export function signalFromRow(r: StoredSignalRow): Signal | undefined {
  let evidence: unknown
  try {
    evidence = JSON.parse(String(r.evidence))
  } catch {
    return undefined
  }
  const parsed = signalSchema.safeParse({
    id: r.id,
    revision: Number(r.revision),
    kind: r.kind,
    key: { dimension: r.key_dimension, value: r.key_value },
    state: r.state,
    severity: r.severity,
    score: Number(r.score),
    title: r.title,
    summary: r.summary,
    bucketStart: fromChTime(String(r.bucket_start)),
    bucketSeconds: Number(r.bucket_seconds),
    openedAt: fromChTime(String(r.opened_at)),
    updatedAt: fromChTime(String(r.updated_at)),
    evidence,
  })
  return parsed.success ? parsed.data : undefined
}
