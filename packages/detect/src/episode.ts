import type { Severity } from '@pulse/core'
import { type Bucket, topOf } from './accumulator.ts'
import type { SeriesKey } from './keys.ts'

/**
 * One open signal (a story) while it lasts: what it is about, how far it has escalated, and the
 * posts and vocabulary it has gathered, against which new alarms are tested before they open.
 */
export interface Episode {
  readonly id: string
  readonly kind: SeriesKey['kind']
  readonly key: SeriesKey['key']
  readonly openedAt: number
  readonly firstSeen: number
  revision: number
  severity: Severity
  lastObserved: number
  calm: number
  lastIds: Set<string>
  readonly terms: Map<string, number>
}

/** An episode keeps at most this many post ids, so a long story's memory stays bounded. */
export const MAX_EPISODE_IDS = 20_000
/** An episode keeps counts for at most this many terms (known terms keep counting). */
const MAX_EPISODE_TERMS = 2_000

/** Adds a bucket's posts and vocabulary to an episode (bounded). */
export function remember(e: Episode, b: Bucket): void {
  for (const [t, n] of b.terms)
    if (e.terms.size < MAX_EPISODE_TERMS || e.terms.has(t)) e.terms.set(t, (e.terms.get(t) ?? 0) + n)
  for (const id of b.ids) {
    if (e.lastIds.size >= MAX_EPISODE_IDS) return
    e.lastIds.add(id)
  }
}

/**
 * Whether a candidate bucket is the same event as an open episode: a good share of its posts
 * already belong to the episode, or reply to, quote or repost the episode's posts.
 */
export function overlaps(candidate: Bucket, episode: Episode, smallSide = true): boolean {
  if (candidate.ids.size === 0) return false
  let shared = 0
  for (const id of candidate.ids) if (episode.lastIds.has(id)) shared++
  let linked = shared
  for (const [ref, posts] of candidate.refs) if (episode.lastIds.has(ref)) linked += posts
  // Posts about the same claim, spreading or debunking it, are the same narrative.
  if (episode.key.dimension === 'claim') linked += candidate.claimPosts.get(episode.key.value) ?? 0
  // Share of the candidate's posts, or of the smaller side (a small episode inside a big bucket).
  const smaller = Math.min(candidate.ids.size, episode.lastIds.size)
  return (
    linked / candidate.ids.size >= 0.15 || (smallSide && shared >= 2 && shared / Math.max(1, smaller) >= 0.3)
  )
}

/** Same conversation: most of the candidate's top terms are among the episode's top terms. */
export function sharesVocabulary(candidate: Bucket, e: Episode): boolean {
  const mine = topOf(candidate.terms, 10).filter((t) => t.count >= 2)
  if (mine.length < 4) return false
  const theirs = new Set(topOf(e.terms, 30).map((t) => t.value))
  return mine.filter((t) => theirs.has(t.value)).length >= Math.ceil(mine.length * 0.6)
}
