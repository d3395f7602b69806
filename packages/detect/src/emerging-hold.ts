import { type Signal, type SignalKey, stableHash, type Watchlist } from '@pulse/core'
import { type Bucket, type BucketInput, newBucket } from './accumulator.ts'
import { createEmergingDetector } from './emerging.ts'
import type { EmergingHit, EmergingOptions } from './emerging-types.ts'
import { type Episode, MAX_EPISODE_IDS, overlaps, sharesVocabulary } from './episode.ts'
import { severityOf } from './severity.ts'
import { buildSignal, titleOf } from './signal-builder.ts'
import { isSuppressed } from './suppression.ts'

const MINUTE = 60_000
/**
 * New-term hits wait this many buckets for a more specific watchlist signal (claim, brand,
 * topic) to claim the same posts; only a story nothing else explains becomes `emerging_term`.
 * Counted from the bucket whose minute steps found the hit, which saw posts only up to the
 * lateness past its end (a replay is not credited with later posts; see `lookaheadMs`).
 */
const HOLD_BUCKETS = 1
/**
 * A watchlist key rising on the same posts, elevated but not yet past its alarm threshold, holds
 * a hit one bucket longer: a brand crisis is better told as negative mentions of the brand than
 * as the new words its first posts use ("chest pain"), if the brand's own test confirms it.
 */
const RISING_HOLD_BUCKETS = 2
/** Share of a held hit's posts a rising key must hold to count as the same posts. */
const RISING_SHARE = 0.15
/**
 * Closed buckets whose posts' facts stay indexed: a hit's posts may precede the bucket whose
 * minute steps found it (its windows reach back), and the fold needs their series and vocabulary.
 */
const FACT_BUCKETS = 3
/** Post ids kept per term per open bucket. */
const MAX_TERM_POSTS = 5_000

export interface EmergingHoldOptions {
  readonly bucketMs: number
  /** The keyed detector's lateness: how far past a step the new-term test may look. */
  readonly latenessMs: number
  readonly emerging: EmergingOptions | undefined
  readonly suppressions: Watchlist['suppressions']
}

/**
 * New-term detection inside the keyed detector: feeds posts to the emerging-term detector, holds
 * its hits a few buckets, drops those an open story already explains, and opens the rest as
 * `emerging_term` signals, which resolve when the term calms down.
 */
export interface EmergingHold {
  /** Indexes a post under the (still open) bucket `start` and feeds it to the new-term detector. */
  add(post: BucketInput, start: number): void
  /**
   * Closes bucket `start` after the watchlist keys: resolves calm terms, holds new hits, and opens
   * held ones that nothing in `active` explains (pushing their episodes onto `active`). `rising`:
   * the recent post ids of each watchlist key that is elevated but has not opened a signal.
   */
  close(start: number, active: Episode[], rising?: readonly ReadonlySet<string>[]): Signal[]
  /** Episodes of the open emerging-term signals. */
  openEpisodes(): Episode[]
  readonly openCount: number
}

interface PostFacts {
  readonly terms: readonly string[]
  readonly claims: readonly string[]
  readonly refs: readonly string[]
}

const keyOfTerm = (term: string): SignalKey =>
  term.startsWith('#')
    ? { dimension: 'hashtag' as const, value: term.slice(1) }
    : { dimension: 'term' as const, value: term }

/** A pending hit's posts as a bucket (vocabulary, claims, replies) to compare with open episodes. */
function vocabularyOf(ids: Iterable<string>, index: Map<string, PostFacts>[]): Bucket {
  const b = newBucket()
  for (const id of ids) {
    b.ids.add(id)
    for (const i of index) {
      const facts = i.get(id)
      if (!facts) continue
      for (const t of facts.terms) b.terms.set(t, (b.terms.get(t) ?? 0) + 1)
      for (const c of facts.claims) b.claimPosts.set(c, (b.claimPosts.get(c) ?? 0) + 1)
      for (const r of facts.refs) b.refs.set(r, (b.refs.get(r) ?? 0) + 1)
    }
  }
  return b
}

/** Ids of the posts that use each of `terms`, in arrival order, at most MAX_TERM_POSTS per term. */
function postsOfTerms(
  posts: ReadonlyMap<string, PostFacts>,
  terms: readonly string[],
): Map<string, string[]> {
  const byTerm = new Map<string, string[]>()
  if (terms.length === 0) return byTerm
  for (const t of terms) byTerm.set(t, [])
  for (const [id, facts] of posts) {
    for (const t of facts.terms) {
      const ids = byTerm.get(t)
      if (ids && ids.length < MAX_TERM_POSTS) ids.push(id)
    }
  }
  return byTerm
}

/** The share of `ids` that are in `of`. */
function shareIn(ids: ReadonlySet<string>, of: ReadonlySet<string>): number {
  if (ids.size === 0) return 0
  let n = 0
  for (const id of ids) if (of.has(id)) n++
  return n / ids.size
}

export function createEmergingHold(options: EmergingHoldOptions): EmergingHold {
  const B = options.bucketMs
  const emerging = createEmergingDetector({ lookaheadMs: options.latenessMs, ...(options.emerging ?? {}) })
  /** Open emerging-term episodes by term, resolved when the term calms down. */
  const emergingOpen = new Map<string, { episode: Episode; hit: EmergingHit }>()
  const pending = new Map<string, { hit: EmergingHit; since: number; ids: Set<string> }>()
  /**
   * Per bucket still open: each post's facts, in arrival order (read at close, then dropped). Not
   * indexed by term as posts arrive: only the few pending and open terms are ever looked up, so
   * their posts are gathered in one pass at close, where an index cost ten map writes per post.
   */
  const termIndex = new Map<number, Map<string, PostFacts>>()

  /** `closing` is the bucket whose close emits the revision (after `start` while a hit was held). */
  const emergingSignal = (
    e: Episode,
    hit: EmergingHit,
    state: Signal['state'],
    start: number,
    closing = start,
  ): Signal => {
    const key = keyOfTerm(hit.term)
    return buildSignal({
      id: e.id,
      revision: e.revision,
      kind: 'emerging_term',
      key,
      state,
      severity: e.severity,
      score: Math.min(1, Math.max(0, 1 - hit.pValue)),
      title: titleOf('emerging_term', key, hit.term),
      bucketStart: new Date(start).toISOString(),
      bucketSeconds: B / 1000,
      openedAt: new Date(e.openedAt).toISOString(),
      updatedAt: new Date(closing + B).toISOString(),
      evidence: {
        observed: Math.round(hit.observedAuthors * 100) / 100,
        expected: Math.round(hit.expectedAuthors * 100) / 100,
        ratio: Math.round((hit.observedAuthors / Math.max(hit.expectedAuthors, 0.01)) * 100) / 100,
        series: [],
        topTerms: hit.topCoTerms,
        topSources: [],
        sampleMentionIds: hit.samples.map((x) => x.id),
        sampleTexts: hit.samples.map((x) => x.text),
        uniqueAuthors: hit.authors,
        amplification: Math.round(hit.amplification * 100) / 100,
        negativeShare: null,
        firstSeen: new Date(hit.firstSeenMs).toISOString(),
      },
      bucketMinutes: B / MINUTE,
    })
  }

  /** Opens a held hit as an `emerging_term` episode. */
  const openHeld = (
    term: string,
    p: { hit: EmergingHit; since: number; ids: Set<string> },
    candidate: Bucket,
  ): Episode => {
    const { hit } = p
    const episode: Episode = {
      id: `sig_${stableHash('emerging', term, String(p.since)).slice(0, 20)}`,
      kind: 'emerging_term',
      key: keyOfTerm(term),
      // The hit may have looked ahead into the next bucket: date it from the term's first post.
      openedAt: Math.max(p.since, Math.floor(hit.firstSeenMs / B) * B),
      firstSeen: hit.firstSeenMs,
      revision: 1,
      severity: severityOf({
        kind: 'emerging_term',
        pValue: hit.pValue,
        observed: hit.authors,
        expected: hit.expectedAuthors,
        uniqueAuthors: hit.authors,
        reach: 0,
        negativeShare: null,
      }),
      lastObserved: hit.observedAuthors,
      calm: 0,
      lastIds: p.ids,
      terms: new Map(hit.topCoTerms.map((t) => [t.value, t.count])),
    }
    emergingOpen.set(term, { episode, hit })
    for (const [t, n] of candidate.terms) episode.terms.set(t, (episode.terms.get(t) ?? 0) + n)
    return episode
  }

  return {
    add(post, start) {
      let posts = termIndex.get(start)
      if (!posts) {
        posts = new Map()
        termIndex.set(start, posts)
      }
      posts.set(post.id, { terms: post.terms, claims: post.claims, refs: post.refs })
      emerging.add({
        id: post.id,
        authorId: post.authorId,
        createdAtMs: post.createdAtMs,
        terms: post.terms,
        text: post.text,
        followers: post.followers,
      })
    },

    close(start, active, rising = []) {
      const out: Signal[] = []
      for (const [term, o] of emergingOpen) {
        if (!emerging.isActive(term)) {
          o.episode.revision++
          out.push(emergingSignal(o.episode, o.hit, 'resolved', start))
          emergingOpen.delete(term)
        }
      }
      for (const hit of emerging.close(start, start + B)) {
        if (!pending.has(hit.term) && !emergingOpen.has(hit.term)) {
          pending.set(hit.term, { hit, since: start, ids: new Set(hit.mentionIds) })
        }
      }
      // The posts of pending and open terms in this bucket (and the next, already seen in part).
      const indexes = [termIndex.get(start), termIndex.get(start + B)].filter((i) => i !== undefined)
      for (const posts of indexes) {
        const byTerm = postsOfTerms(posts, [...pending.keys(), ...emergingOpen.keys()])
        for (const [term, p] of pending) for (const id of byTerm.get(term) ?? []) p.ids.add(id)
        for (const [term, o] of emergingOpen) {
          for (const id of byTerm.get(term) ?? []) {
            if (o.episode.lastIds.size >= MAX_EPISODE_IDS) break
            o.episode.lastIds.add(id)
            for (const t of posts.get(id)?.terms ?? [])
              o.episode.terms.set(t, (o.episode.terms.get(t) ?? 0) + 1)
          }
        }
      }
      const back = Array.from({ length: FACT_BUCKETS }, (_, k) => termIndex.get(start - (k + 1) * B))
      const postTerms = [...indexes, ...back.filter((i) => i !== undefined)]
      for (const [term, p] of pending) {
        const candidate = vocabularyOf(p.ids, postTerms)
        if (
          active.some((a) => overlaps(candidate, a) || sharesVocabulary(candidate, a)) ||
          isSuppressed(options.suppressions, keyOfTerm(term), start)
        ) {
          pending.delete(term)
          continue
        }
        if (start - p.since < HOLD_BUCKETS * B) continue
        if (
          start - p.since < RISING_HOLD_BUCKETS * B &&
          rising.some((ids) => shareIn(candidate.ids, ids) >= RISING_SHARE)
        )
          continue
        pending.delete(term)
        const episode = openHeld(term, p, candidate)
        active.push(episode)
        out.push(emergingSignal(episode, p.hit, 'opened', episode.openedAt, start))
      }
      termIndex.delete(start - FACT_BUCKETS * B)
      return out
    },

    openEpisodes() {
      return [...emergingOpen.values()].map((o) => o.episode)
    },

    get openCount() {
      return emergingOpen.size
    },
  }
}
