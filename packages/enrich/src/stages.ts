import { type ClaimMatch, type Clock, keyedHash, type Mention, ok, type Sentiment } from '@pulse/core'
import { mapStage, type Stage } from '@pulse/pipeline'

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

/** Replaces PHI/PII in text and title with typed placeholders; records the kinds found, never values. */
export function createRedactStage<T extends { text: string; title?: string | null | undefined }>(
  redactor: Redactor,
): Stage<T, T & { redactions: string[]; selfDisclosure: boolean }> {
  return mapStage('redact', (m) => {
    const body = redactor.redact(m.text)
    const title = m.title ? redactor.redact(m.title) : undefined
    const kinds = new Set([...body.kinds, ...(title?.kinds ?? [])])
    return ok({
      ...m,
      text: body.text,
      ...(title ? { title: title.text } : {}),
      redactions: [...kinds].sort(),
      selfDisclosure: body.selfDisclosure,
    })
  })
}

/** Detects the language and scores sentiment (null for languages without a lexicon). */
export function createSentimentStage<T extends { text: string; lang?: string | null | undefined }>(
  scorer: SentimentScorer,
  detectLanguage: (text: string) => string,
): Stage<T, T & { lang: string; sentiment: Sentiment | null }> {
  return mapStage('sentiment', (m) => {
    const lang = detectLanguage(m.text)
    return ok({ ...m, lang, sentiment: scorer.score(m.text, lang) })
  })
}

/** Health topics, intents, misinformation claims (with stance) and terms for trend detection. */
export function createClassifyStage<
  T extends { text: string; hashtags: readonly string[]; mentions: readonly string[] },
>(
  classifiers: Classifiers,
  orgHandles: readonly string[],
): Stage<T, T & { topics: string[]; intents: string[]; claims: ClaimMatch[]; terms: string[] }> {
  const org = new Set(orgHandles.map((h) => h.toLowerCase()))
  return mapStage('classify', (m) => {
    const mentionsOrg = m.mentions.some((h) => org.has(h.toLowerCase()))
    return ok({
      ...m,
      topics: classifiers.topics.match(m),
      intents: classifiers.intents.classify(m.text, { orgHandles, mentionsOrg }),
      claims: classifiers.claims.match(m.text),
      terms: classifiers.terms(m.text, m.hashtags),
    })
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
  return mapStage('privacy', (m) => {
    const keepAuthor = m.fromOrg || !options.hashAuthors
    return ok({
      ...m,
      author: keepAuthor
        ? m.author
        : {
            id: `h:${keyedHash(options.hashKey, `${m.source}:${m.author.id}`)}`,
            followers: m.author.followers ?? null,
          },
      text: options.storeText ? m.text : '',
      ...(options.storeText ? {} : { title: null }),
      enrichedAt: new Date(options.clock.now()).toISOString(),
    })
  })
}
