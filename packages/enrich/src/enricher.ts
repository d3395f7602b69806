import {
  brandTopics,
  createClaimMatcher,
  createIntentClassifier,
  createTopicMatcher,
  DEFAULT_CLAIMS,
  DEFAULT_TOPICS,
  extractTerms,
} from '@pulse/classify'
import type { Clock, EnrichedMention, Mention, Outcome, Watchlist } from '@pulse/core'
import { runChain, type Stage } from '@pulse/pipeline'
import { createRedactor } from '@pulse/redact'
import { createSentimentScorer, detectLanguage } from '@pulse/sentiment'
import { createClassifyStage, createPrivacyStage, createRedactStage, createSentimentStage } from './stages.ts'

export interface EnricherOptions {
  readonly watchlist: Watchlist
  readonly hashKey: string
  readonly clock: Clock
}

export interface Enricher {
  /** The stages in order: redact → sentiment → classify → privacy. */
  readonly stages: readonly Stage<unknown, unknown>[]
  /** Enriches a batch; one result per input, in order (a refused item names its stage). */
  enrich(mentions: readonly Mention[]): Promise<Array<EnrichedMention | { error: string }>>
  /** Enriches one mention synchronously (every enrichment stage is synchronous). */
  enrichOne(mention: Mention): EnrichedMention | { error: string }
}

/** Builds the enrichment chain from the watchlist (topics, claims, org handles, privacy). */
export function createEnricher(options: EnricherOptions): Enricher {
  const { watchlist } = options
  const orgHandles = watchlist.organization.handles.map((h) => h.replace(/^@/, '').toLowerCase())
  const topics = [...(watchlist.topics ?? DEFAULT_TOPICS), ...brandTopics(watchlist)]
  const stages = [
    createRedactStage<Mention>(
      createRedactor({ publishedPhones: watchlist.organization.publishedPhones, keepHandles: orgHandles }),
    ),
    createSentimentStage(createSentimentScorer(), detectLanguage),
    createClassifyStage(
      {
        topics: createTopicMatcher(topics),
        intents: createIntentClassifier(),
        claims: createClaimMatcher(watchlist.claims ?? DEFAULT_CLAIMS),
        terms: extractTerms,
      },
      orgHandles,
    ),
    createPrivacyStage<Mention>({
      hashKey: options.hashKey,
      hashAuthors: watchlist.privacy.hashAuthors,
      storeText: watchlist.privacy.storeText,
      clock: options.clock,
    }),
  ] as readonly Stage<unknown, unknown>[]
  return {
    stages,
    async enrich(mentions) {
      const results = await runChain<Mention, EnrichedMention>(stages, mentions)
      return results.map((r) => (r.ok ? r.value : { error: `${r.stage}: ${r.reason}` }))
    },
    enrichOne(mention) {
      let value: unknown = mention
      for (const stage of stages) {
        const outcomes = stage.process([value])
        if (!Array.isArray(outcomes)) throw new Error(`stage ${stage.name} is asynchronous`)
        const [o] = outcomes as readonly Outcome<unknown>[]
        if (!o) return { error: `${stage.name}: no outcome` }
        if (o.kind !== 'ok') return { error: `${stage.name}: ${o.reason}` }
        value = o.value
      }
      return value as EnrichedMention
    },
  }
}
