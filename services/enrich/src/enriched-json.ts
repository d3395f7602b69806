import {
  authorSchema,
  claimMatchSchema,
  type EnrichedMention,
  enrichedMentionSchema,
  formatIssues,
  LIMITS,
  sentimentSchema,
} from '@pulse/core'
import type { z } from 'zod'

/**
 * Encodes enriched mentions: the JSON of each exactly as
 * `JSON.stringify(enrichedMentionSchema.parse(value))` writes it, or why the value fails the schema. The thread's consumers rely on it: the bytes are
 * vouched for, so detect and sink in this process parse them without validating them again.
 *
 * Validating every result with zod cost about as much as the sentiment stage, yet almost all of
 * it re-checks what is already true: the value is the chain's output for a mention that passed
 * `mentionSchema`, the chain is typed, and every field the chain does not write is the validated
 * one (the enriched schema extends the mention schema, and re-parsing a parsed field gives it
 * back unchanged). So only what the chain writes and the types cannot bound is checked here:
 * lengths (a placeholder can be longer than the identifier it replaces), counts, score ranges,
 * tag spelling (the tag transform is not idempotent: `##flu` parses to `#flu`) and the clock's
 * timestamp. A value that passes is written with the schema's key order (zod emits keys in
 * shape order, the chain appends them) and its strip of unknown keys (nested objects are rebuilt
 * from their declared keys). Anything else goes through zod, so refusals and their reasons are
 * exactly zod's. `enriched-json.test.ts` holds this to zod's own output, byte for byte, over a
 * varied stream and hostile values.
 *
 * Precondition: `value` came out of the enrichment chain for a mention decoded with
 * `mentionSchema`. Use zod for anything else.
 */
export function createEnrichedEncoder(): (value: EnrichedMention) => EncodedEnriched {
  // `enrichedAt` is the clock's reading, the same for a whole batch: check each new one with the
  // schema's own rule and remember the last that passed.
  let lastTimestamp = ''
  const isTimestamp = (s: string): boolean => {
    if (s === lastTimestamp) return true
    if (!enrichedMentionSchema.shape.enrichedAt.safeParse(s).success) return false
    lastTimestamp = s
    return true
  }
  return (value) => {
    if (isCanonical(value) && isTimestamp(value.enrichedAt)) {
      return { ok: true, json: JSON.stringify(ordered(value)) }
    }
    const valid = enrichedMentionSchema.safeParse(value)
    return valid.success
      ? { ok: true, json: JSON.stringify(valid.data) }
      : { ok: false, reason: `schema: ${formatIssues(valid.error)}` }
  }
}

export type EncodedEnriched =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly reason: string }

// The shapes `ordered` writes. A field added to a schema must be added there too; failing here, at
// load, beats vouching for bytes without it.
const SHAPES: readonly [string, z.ZodObject, readonly string[]][] = [
  [
    'enriched mention',
    enrichedMentionSchema,
    [
      'id',
      'source',
      'url',
      'author',
      'text',
      'title',
      'lang',
      'createdAt',
      'hashtags',
      'mentions',
      'engagement',
      'inReplyTo',
      'quoteOf',
      'repostOf',
      'rating',
      'geo',
      'fromOrg',
      'redactions',
      'selfDisclosure',
      'sentiment',
      'topics',
      'intents',
      'claims',
      'terms',
      'enrichedAt',
    ],
  ],
  ['author', authorSchema, ['id', 'handle', 'name', 'followers']],
  ['sentiment', sentimentSchema, ['score', 'label']],
  ['claim', claimMatchSchema, ['id', 'stance', 'score']],
]
for (const [name, schema, keys] of SHAPES) {
  const actual = Object.keys(schema.shape).join(',')
  if (actual !== keys.join(',')) {
    throw new Error(
      `createEnrichedEncoder: the ${name} schema has keys ${actual}, expected ${keys.join(',')}`,
    )
  }
}

/** The value with the schema's key order; absent optional fields stay absent (undefined). */
function ordered(e: EnrichedMention): EnrichedMention {
  const a = e.author
  const s = e.sentiment
  return {
    id: e.id,
    source: e.source,
    url: e.url,
    author: { id: a.id, handle: a.handle, name: a.name, followers: a.followers },
    text: e.text,
    title: e.title,
    lang: e.lang,
    createdAt: e.createdAt,
    hashtags: e.hashtags,
    mentions: e.mentions,
    engagement: e.engagement,
    inReplyTo: e.inReplyTo,
    quoteOf: e.quoteOf,
    repostOf: e.repostOf,
    rating: e.rating,
    geo: e.geo,
    fromOrg: e.fromOrg,
    redactions: e.redactions,
    selfDisclosure: e.selfDisclosure,
    sentiment: s === null ? null : { score: s.score, label: s.label },
    topics: e.topics,
    intents: e.intents,
    claims:
      e.claims.length === 0
        ? e.claims
        : e.claims.map((c) => ({ id: c.id, stance: c.stance, score: c.score })),
    terms: e.terms,
    enrichedAt: e.enrichedAt,
  } as EnrichedMention
}

/** True when zod would accept the value and give it back unchanged (see `createEnrichedEncoder`). */
function isCanonical(e: EnrichedMention): boolean {
  if (e.text.length > LIMITS.maxTextChars) return false
  if (typeof e.title === 'string' && e.title.length > 1024) return false
  if (e.lang.length > 16) return false
  if (e.author.id.length < 1 || e.author.id.length > LIMITS.maxIdChars) return false
  if (!canonicalTags(e.hashtags, LIMITS.maxHashtags) || !canonicalTags(e.mentions, LIMITS.maxMentions)) {
    return false
  }
  const s = e.sentiment
  if (s !== null && !(s.score >= -1 && s.score <= 1)) return false
  for (const c of e.claims) if (!(c.score >= 0 && c.score <= 1)) return false
  return true
}

/** Tags the tag schema accepts and maps to themselves: 1–140 chars, no `#`/`@` prefix, lowercase. */
function canonicalTags(tags: readonly string[], cap: number): boolean {
  if (tags.length > cap) return false
  for (const t of tags) {
    if (t.length < 1 || t.length > LIMITS.maxTagChars) return false
    const c = t.charCodeAt(0)
    if (c === 35 || c === 64 || t.toLowerCase() !== t) return false
  }
  return true
}
