import type { DeadLetter, EnrichedMention, Signal } from '@pulse/core'

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

export const MENTION_COLUMNS = [
  'id',
  'source',
  'url',
  'author_id',
  'author_handle',
  'author_followers',
  'from_org',
  'text',
  'title',
  'lang',
  'created_at',
  'hashtags',
  'mentioned',
  'likes',
  'reposts',
  'replies',
  'quotes',
  'in_reply_to',
  'quote_of',
  'repost_of',
  'rating',
  'city',
  'region',
  'country',
  'sentiment_score',
  'sentiment_label',
  'topics',
  'intents',
  'claims',
  'claim_stances',
  'terms',
  'redactions',
  'self_disclosure',
  'enriched_at',
] as const

export function mentionRow(m: EnrichedMention): unknown[] {
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
    chTime(m.createdAt),
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
    chTime(m.enrichedAt),
  ]
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
  const i = (MENTION_COLUMNS as readonly string[]).indexOf(c)
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
