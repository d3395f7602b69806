import { type ClaimMatch, type Clock, keyedHash, type Mention, ok, type Sentiment } from '@pulse/core'
import { mapStage, type Stage } from '@pulse/pipeline'
import { handlesOf, hashtagsOf } from './tags.ts'

export interface Redactor {
  redact(text: string): { text: string; kinds: readonly string[]; selfDisclosure: boolean }
}
export interface SentimentScorer {
  score(text: string, lang?: string): Sentiment | null
}
export interface Classifiers {
  topics: {
    match(input: { text: string; hashtags: readonly string[]; mentions: readonly string[] }): string[]
  }
  intents: {
    classify(text: string, ctx?: { orgHandles?: readonly string[]; mentionsOrg?: boolean }): string[]
  }
  claims: { match(text: string): ClaimMatch[] }
  terms: (text: string, hashtags: readonly string[]) => string[]
}

/**
 * `{ ...item, ...fields }`: the same keys in the same order, as a fast (hidden-class) object. Not
 * `Object.assign({}, item, fields)`: V8 adds those properties one at a time and often turns an
 * object of twenty-odd keys into a dictionary (about half the enriched mentions came out that
 * way), which is slower to read and to copy in every later stage and in the sink. The spread
 * clones the item's hidden class instead.
 */
function extend<T extends object, F extends object>(item: T, fields: F): T & F {
  return { ...item, ...fields }
}

/** Replaces PHI/PII in text and title with typed placeholders; records the kinds found, never values. */
export function createRedactStage<T extends { text: string; title?: string | null | undefined }>(
  redactor: Redactor,
): Stage<T, T & { redactions: string[]; selfDisclosure: boolean }> {
  return mapStage('redact', (m) => {
    const body = redactor.redact(m.text)
    const title = m.title ? redactor.redact(m.title) : undefined
    return ok(
      extend(
        m,
        title
          ? {
              text: body.text,
              title: title.text,
              redactions: [...new Set([...body.kinds, ...title.kinds])].sort(),
              selfDisclosure: body.selfDisclosure,
            }
          : { text: body.text, redactions: sortedKinds(body.kinds), selfDisclosure: body.selfDisclosure },
      ),
    )
  })
}

/**
 * The kinds once each, sorted. A redactor usually reports them so already (and most posts have
 * none): then a copy does, without a Set, two spreads and a sort per post.
 */
function sortedKinds(kinds: readonly string[]): string[] {
  for (let i = 1; i < kinds.length; i++) {
    if (!((kinds[i - 1] as string) < (kinds[i] as string))) return [...new Set(kinds)].sort()
  }
  return kinds.slice()
}

/** Detects the language and scores sentiment (null for languages without a lexicon). */
export function createSentimentStage<T extends { text: string; lang?: string | null | undefined }>(
  scorer: SentimentScorer,
  detectLanguage: (text: string) => string,
): Stage<T, T & { lang: string; sentiment: Sentiment | null }> {
  return mapStage('sentiment', (m) => {
    const lang = detectLanguage(m.text)
    return ok(extend(m, { lang, sentiment: scorer.score(m.text, lang) }))
  })
}

/**
 * Hashtags and handles written in the text, health topics, intents, misinformation claims (with
 * stance) and terms for trend detection.
 */
export function createClassifyStage<
  T extends { text: string; hashtags: readonly string[]; mentions: readonly string[] },
>(
  classifiers: Classifiers,
  orgHandles: readonly string[],
): Stage<T, T & { topics: string[]; intents: string[]; claims: ClaimMatch[]; terms: string[] }> {
  const org = new Set(orgHandles.map((h) => h.toLowerCase()))
  return mapStage('classify', (m) => {
    // The tags a source listed, and those written in the (already redacted) text.
    const hashtags = hashtagsOf(m.hashtags, m.text)
    const mentions = handlesOf(m.mentions, m.text)
    const mentionsOrg = mentions.some((h) => org.has(h.toLowerCase()))
    return ok(
      extend(m, {
        hashtags,
        mentions,
        topics: classifiers.topics.match({ text: m.text, hashtags, mentions }),
        intents: classifiers.intents.classify(m.text, { orgHandles, mentionsOrg }),
        claims: classifiers.claims.match(m.text),
        terms: classifiers.terms(m.text, hashtags),
      }),
    )
  })
}

export interface PrivacyOptions {
  /** Key for the keyed hash of author ids. */
  readonly hashKey: string
  readonly hashAuthors: boolean
  /** false: store no text at all, only derived fields. */
  readonly storeText: boolean
  readonly clock: Clock
}

/**
 * Last stage before anything leaves enrichment: author ids become keyed hashes (except the
 * organisation's own accounts), personal handles and names are dropped, and text is removed
 * entirely when the watchlist says `privacy.storeText: false`.
 */
export function createPrivacyStage<T extends Mention>(
  options: PrivacyOptions,
): Stage<T, T & { enrichedAt: string }> {
  // An HMAC costs microseconds and authors post again and again: keep the hashes of recent
  // authors (bounded; cleared when full), by source and then author id, so a repeat author costs
  // two lookups and no key string. The clock usually reads the same instant for a batch.
  const hashes = new Map<string, Map<string, string>>()
  let cachedHashes = 0
  const authorHash = (source: string, id: string): string => {
    let bySource = hashes.get(source)
    if (bySource === undefined) {
      bySource = new Map()
      hashes.set(source, bySource)
    }
    let h = bySource.get(id)
    if (h === undefined) {
      h = `h:${keyedHash(options.hashKey, `${source}:${id}`)}`
      if (cachedHashes >= AUTHOR_HASH_CACHE_MAX) {
        for (const ids of hashes.values()) ids.clear()
        cachedHashes = 0
      }
      bySource.set(id, h)
      cachedHashes++
    }
    return h
  }
  let lastNow = Number.NaN
  let lastIso = ''
  const enrichedAt = (): string => {
    const now = options.clock.now()
    if (now !== lastNow) {
      lastIso = new Date(now).toISOString()
      lastNow = now
    }
    return lastIso
  }
  return mapStage('privacy', (m) => {
    const keepAuthor = m.fromOrg || !options.hashAuthors
    const author = keepAuthor
      ? m.author
      : { id: authorHash(m.source, m.author.id), followers: m.author.followers ?? null }
    return ok(
      extend(
        m,
        options.storeText
          ? { author, text: m.text, enrichedAt: enrichedAt() }
          : { author, text: '', title: null, enrichedAt: enrichedAt() },
      ),
    )
  })
}

const AUTHOR_HASH_CACHE_MAX = 50_000
