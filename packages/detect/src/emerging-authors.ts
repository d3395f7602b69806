import type { TermState } from './emerging-term.ts'

/**
 * The authors the emerging-term detector has seen: how fast each posts (an account posting faster
 * than a bot-like rate counts as less than one voice, in proportion) and which terms each already
 * counts as a voice of inside the window. Memory is capped and idle authors expire.
 */
const HOUR = 3_600_000
/** Half-life of an author's decayed post count. */
export const AUTHOR_HALF_LIFE = HOUR

export interface AuthorRecord {
  /** Decayed post count, as of `atMs`. */
  count: number
  atMs: number
  /** The weight of the author's latest post, in (0, 1]. */
  weight: number
  /**
   * The terms the author became a voice of, and the step of each, index for index. An author
   * posts a handful of terms an hour: a scan of this short list beats a map per term of its
   * hundreds of authors (one lookup per term and post, each a cache miss).
   */
  readonly terms: TermState[]
  readonly steps: number[]
  /** Entries at steps at or before this were dropped (no later post can count with them). */
  prunedTo: number
}

export interface AuthorRates {
  /** Counts a post by `authorId` at `atMs` and returns the author's record (with the post's weight). */
  post(authorId: string, atMs: number): AuthorRecord
  /** Forgets authors idle since well before `nowMs` (and the oldest ones beyond the cap). */
  expire(nowMs: number): void
  readonly size: number
}

export function createAuthorRates(options: { botPostsPerHour: number; maxAuthors: number }): AuthorRates {
  /** Map order is least-recently-seen first (entries are re-inserted when their time moves on). */
  const authors = new Map<string, AuthorRecord>()
  return {
    post(authorId, atMs) {
      let a = authors.get(authorId)
      if (a) {
        const count = a.count * 2 ** (-Math.max(0, atMs - a.atMs) / AUTHOR_HALF_LIFE) + 1
        a.count = count
        if (atMs > a.atMs) {
          a.atMs = atMs
          authors.delete(authorId)
          authors.set(authorId, a)
        }
      } else {
        a = { count: 1, atMs, weight: 1, terms: [], steps: [], prunedTo: Number.NEGATIVE_INFINITY }
        authors.set(authorId, a)
      }
      const perHour = (a.count * Math.LN2 * HOUR) / AUTHOR_HALF_LIFE
      a.weight = perHour > options.botPostsPerHour ? options.botPostsPerHour / perHour : 1
      return a
    },
    expire(nowMs) {
      for (const [id, a] of authors) {
        if (a.atMs > nowMs - 6 * AUTHOR_HALF_LIFE && authors.size <= options.maxAuthors) break
        authors.delete(id)
      }
    },
    get size() {
      return authors.size
    },
  }
}

/**
 * Whether a post of the author at step `idx` makes it a voice of term `s`: it has not counted for
 * the term in the window (idx − windowSteps, idx]. If it does, the step is remembered and the
 * result is the step it counted at before (−∞ if none); if not, `false`. `floor`: no post still to
 * come is at or before floor + windowSteps, so entries at or before `floor` are dropped first.
 * Beyond `maxTerms` live entries the author counts without being remembered.
 */
export function voiceOf(
  a: AuthorRecord,
  s: TermState,
  idx: number,
  windowSteps: number,
  floor: number,
  maxTerms: number,
): false | number {
  const { terms, steps } = a
  if (floor > a.prunedTo) {
    a.prunedTo = floor
    let kept = 0
    for (let i = 0; i < terms.length; i++) {
      if ((steps[i] as number) <= floor) continue
      terms[kept] = terms[i] as TermState
      steps[kept] = steps[i] as number
      kept++
    }
    terms.length = kept
    steps.length = kept
  }
  const i = terms.indexOf(s)
  if (i >= 0) {
    const last = steps[i] as number
    if (last > idx - windowSteps) return false
    steps[i] = idx
    return last
  }
  if (terms.length < maxTerms) {
    terms.push(s)
    steps.push(idx)
  }
  return Number.NEGATIVE_INFINITY
}
