/**
 * What the emerging-term detector keeps per tracked term: per-step counts for the test windows
 * (until they move into the background sketch), which authors already counted, recent mention ids
 * and the open episode. Every collection is capped, so a term's memory is bounded.
 */

/** One event-time step (a minute by default) of one term. */
export interface TermSlot {
  readonly idx: number
  /** Independent voices: posts from an author new to the term with a text not seen before, bot-discounted. */
  effective: number
  /** Every post, duplicates and repeat authors included (for the amplification score). */
  posts: number
  /**
   * The step's first mention ids (at most MAX_IDS_PER_SLOT). Kept per step, so a replay that
   * delivers hours at once still has the ids of the step being tested, not only the latest ones.
   */
  readonly ids: string[]
}

export interface TermEpisode {
  readonly openedIdx: number
  calm: number
  /** Recent mention ids while elevated: a term firing later on mostly the same posts is folded into it. */
  ids: ReadonlySet<string>
}

export interface TermState {
  readonly term: string
  firstSeenMs: number
  lastIdx: number
  /** Ascending by `idx`; only steps not yet moved into the background. */
  readonly slots: TermSlot[]
  /** Author id → last step it counted in, for distinct authors inside the window. */
  readonly authors: Map<string, number>
  episode: TermEpisode | null
  /** Step of the last sweep of `authors` (at most one sweep per step when it is full). */
  sweptIdx: number
}

/** Mention ids a hit carries at most, and ids remembered per term and step. */
export const MAX_IDS = 50
export const MAX_IDS_PER_SLOT = 20

export function newTermState(term: string, createdAtMs: number, idx: number): TermState {
  return {
    term,
    firstSeenMs: createdAtMs,
    lastIdx: idx,
    slots: [],
    authors: new Map(),
    episode: null,
    sweptIdx: Number.NEGATIVE_INFINITY,
  }
}

function slotAt(s: TermState, idx: number): TermSlot {
  for (let i = s.slots.length - 1; i >= 0; i--) {
    const slot = s.slots[i]
    if (slot === undefined || slot.idx < idx) break
    if (slot.idx === idx) return slot
  }
  const slot: TermSlot = { idx, effective: 0, posts: 0, ids: [] }
  s.slots.push(slot)
  if (s.slots.length > 1 && (s.slots[s.slots.length - 2]?.idx ?? 0) > idx)
    s.slots.sort((a, b) => a.idx - b.idx)
  return slot
}

export interface PostForTerm {
  readonly id: string
  readonly authorId: string
  readonly createdAtMs: number
  readonly idx: number
  /** Author weight in (0, 1]: below 1 for accounts posting at bot-like rates. */
  readonly weight: number
  /** Whether the normalised text was already seen inside the window (a repost or copy-paste). */
  readonly duplicateText: boolean
}

/**
 * Counts one post for a term. It adds an independent voice only when its author has not counted
 * for this term inside the window and its text is not a duplicate. Returns the effective amount added.
 */
export function recordPost(s: TermState, p: PostForTerm, windowBuckets: number, maxAuthors: number): number {
  const slot = slotAt(s, p.idx)
  slot.posts++
  if (p.createdAtMs < s.firstSeenMs) s.firstSeenMs = p.createdAtMs
  if (p.idx > s.lastIdx) s.lastIdx = p.idx
  if (slot.ids.length < MAX_IDS_PER_SLOT) slot.ids.push(p.id)
  const last = s.authors.get(p.authorId)
  const newAuthor = last === undefined || last <= p.idx - windowBuckets
  if (!newAuthor) return 0
  if (last === undefined && s.authors.size >= maxAuthors && s.sweptIdx !== p.idx) {
    s.sweptIdx = p.idx
    for (const [a, i] of s.authors) if (i <= p.idx - windowBuckets) s.authors.delete(a)
  }
  // Full of authors all inside the window: count the voice without remembering it (a term this
  // popular is not new; the background learns the same way, so the two stay consistent).
  if (last !== undefined || s.authors.size < maxAuthors) s.authors.set(p.authorId, p.idx)
  if (p.duplicateText) return 0
  slot.effective += p.weight
  return p.weight
}

/**
 * Index of the last slot with `idx <= to` (−1 if none). A replay may already hold hours of later
 * slots, so the search is binary rather than a walk back from the newest.
 */
function lastSlotAtOrBefore(s: TermState, to: number): number {
  let lo = 0
  let hi = s.slots.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((s.slots[mid]?.idx ?? Number.POSITIVE_INFINITY) <= to) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** Effective voices and raw posts in steps (from, to]. */
export function windowOf(s: TermState, from: number, to: number): { effective: number; posts: number } {
  let effective = 0
  let posts = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= 0; i--) {
    const slot = s.slots[i]
    if (slot === undefined || slot.idx <= from) break
    effective += slot.effective
    posts += slot.posts
  }
  return { effective, posts }
}

/**
 * Effective voices in the nested windows (to − k, to] for each `k` of `lengths` (ascending), in one
 * walk back from `to`.
 */
export function nestedWindowsOf(s: TermState, to: number, lengths: readonly number[]): number[] {
  const out = lengths.map(() => 0)
  let effective = 0
  let w = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= 0 && w < lengths.length; i--) {
    const slot = s.slots[i]
    if (slot === undefined) break
    while (w < lengths.length && slot.idx <= to - (lengths[w] ?? 0)) out[w++] = effective
    effective += slot.effective
  }
  while (w < lengths.length) out[w++] = effective
  return out
}

/** Mention ids of steps (from, to], oldest first: at most MAX_IDS, from the latest steps. */
export function idsIn(s: TermState, from: number, to: number): string[] {
  const picked: string[][] = []
  let n = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= 0 && n < MAX_IDS; i--) {
    const slot = s.slots[i]
    if (slot === undefined || slot.idx <= from) break
    const take = slot.ids.slice(Math.max(0, slot.ids.length - (MAX_IDS - n)))
    picked.push(take)
    n += take.length
  }
  return picked.reverse().flat()
}

/** Distinct authors seen in steps (from, to] (up to the per-term cap). */
export function authorsIn(s: TermState, from: number, to: number): number {
  let n = 0
  for (const i of s.authors.values()) if (i > from && i <= to) n++
  return n
}

/** Removes and returns the slots with `idx <= upTo` (they move into the background). */
export function drainSlots(s: TermState, upTo: number): TermSlot[] {
  let n = 0
  while (n < s.slots.length && (s.slots[n]?.idx ?? Number.POSITIVE_INFINITY) <= upTo) n++
  return n > 0 ? s.slots.splice(0, n) : []
}
