/**
 * Posting rates of the authors the emerging-term detector has seen: an account posting faster than
 * a bot-like rate counts as less than one voice, in proportion. Memory is capped and idle authors
 * expire.
 */
const HOUR = 3_600_000
/** Half-life of an author's decayed post count. */
export const AUTHOR_HALF_LIFE = HOUR

export interface AuthorRates {
  /** Counts a post by `authorId` at `atMs` and returns its weight in (0, 1]. */
  weightOf(authorId: string, atMs: number): number
  /** Forgets authors idle since well before `nowMs` (and the oldest ones beyond the cap). */
  expire(nowMs: number): void
  readonly size: number
}

export function createAuthorRates(options: { botPostsPerHour: number; maxAuthors: number }): AuthorRates {
  /** Map order is least-recently-seen first (entries are re-inserted on use). */
  const authors = new Map<string, { count: number; atMs: number }>()
  return {
    weightOf(authorId, atMs) {
      const a = authors.get(authorId)
      const decay = a ? 2 ** (-Math.max(0, atMs - a.atMs) / AUTHOR_HALF_LIFE) : 0
      const count = (a ? a.count * decay : 0) + 1
      // Re-inserted to keep the map's order, but the entry itself is updated in place.
      authors.delete(authorId)
      if (a) {
        a.count = count
        a.atMs = Math.max(atMs, a.atMs)
        authors.set(authorId, a)
      } else authors.set(authorId, { count, atMs })
      const perHour = (count * Math.LN2 * HOUR) / AUTHOR_HALF_LIFE
      return perHour > options.botPostsPerHour ? options.botPostsPerHour / perHour : 1
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
