/**
 * What the emerging-term detector keeps per tracked term: per-step counts for the test windows
 * (until they move into the background sketch), which authors already counted, recent mention ids
 * and the open episode. Every collection is capped, so a term's memory is bounded.
 */

/** One event-time step (a minute by default) of one term. Its voices are in `TermState.voices`. */
export interface TermSlot {
  readonly idx: number
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
  /**
   * Each slot's step and independent voices (posts from an author new to the term with a text not
   * seen before, bot-discounted), index for index with `slots`. Every step sums the windows of
   * hundreds of terms over up to an hour of slots: flat arrays of numbers are read in sequence,
   * where one object per slot costs a cache miss per slot.
   */
  readonly steps: number[]
  readonly voices: number[]
  /** Author id → last step it counted in, for distinct authors inside the window. */
  readonly authors: Map<string, number>
  episode: TermEpisode | null
  /** Step of the last sweep of `authors` (at most one sweep per step when it is full). */
  sweptIdx: number
  /**
   * The detector's last test pass that counted the term as fresh: membership by a mark, where a
   * Set of hundreds of terms would be rebuilt every step.
   */
  freshPass: number
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
    steps: [],
    voices: [],
    authors: new Map(),
    episode: null,
    sweptIdx: Number.NEGATIVE_INFINITY,
    freshPass: -1,
  }
}

/**
 * Index of the slot of step `idx`, inserted in order if new (a late post may precede the newest).
 * A new slot holds `firstId` already: most slots keep one post, and an array literal of one costs
 * a tenth of an empty array grown by a push.
 */
function slotIndexAt(s: TermState, idx: number, firstId: string): number {
  let i = s.steps.length - 1
  for (; i >= 0; i--) {
    const at = s.steps[i] ?? Number.NEGATIVE_INFINITY
    if (at === idx) return i
    if (at < idx) break
  }
  const slot: TermSlot = { idx, posts: 0, ids: [firstId] }
  if (i === s.steps.length - 1) {
    s.slots.push(slot)
    s.steps.push(idx)
    s.voices.push(0)
  } else {
    s.slots.splice(i + 1, 0, slot)
    s.steps.splice(i + 1, 0, idx)
    s.voices.splice(i + 1, 0, 0)
  }
  return i + 1
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
  const at = slotIndexAt(s, p.idx, p.id)
  const slot = s.slots[at]
  if (slot === undefined) return 0
  if (slot.posts > 0 && slot.ids.length < MAX_IDS_PER_SLOT) slot.ids.push(p.id)
  slot.posts++
  if (p.createdAtMs < s.firstSeenMs) s.firstSeenMs = p.createdAtMs
  if (p.idx > s.lastIdx) s.lastIdx = p.idx
  const last = s.authors.get(p.authorId)
  const newAuthor = last === undefined || last <= p.idx - windowBuckets
  if (!newAuthor) return 0
  if (last === undefined && s.authors.size >= maxAuthors && s.sweptIdx !== p.idx) {
    s.sweptIdx = p.idx
    // forEach rather than for…of: no [author, step] pair is built per entry of a full map.
    const out = p.idx - windowBuckets
    s.authors.forEach((i, a, authors) => {
      if (i <= out) authors.delete(a)
    })
  }
  // Full of authors all inside the window: count the voice without remembering it (a term this
  // popular is not new; the background learns the same way, so the two stay consistent).
  if (last !== undefined || s.authors.size < maxAuthors) s.authors.set(p.authorId, p.idx)
  if (p.duplicateText) return 0
  s.voices[at] = (s.voices[at] ?? 0) + p.weight
  return p.weight
}

/**
 * Index of the last slot with `idx <= to` (−1 if none). A replay may already hold hours of later
 * slots, so the search is binary rather than a walk back from the newest.
 */
function lastSlotAtOrBefore(s: TermState, to: number): number {
  let lo = 0
  let hi = s.steps.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((s.steps[mid] ?? Number.POSITIVE_INFINITY) <= to) lo = mid + 1
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
    effective += s.voices[i] ?? 0
    posts += slot.posts
  }
  return { effective, posts }
}

/**
 * Effective voices in the nested windows (to − k, to] for each `k` of `lengths` (ascending), in one
 * walk back from `to`. Written into `out` when given (the detector reuses one buffer per step, as
 * this runs for every candidate term every step).
 */
export function nestedWindowsOf(
  s: TermState,
  to: number,
  lengths: readonly number[],
  out: number[] = new Array<number>(lengths.length),
): number[] {
  const n = lengths.length
  const { steps, voices } = s
  let effective = 0
  let w = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= 0 && w < n; i--) {
    const at = steps[i] ?? Number.NEGATIVE_INFINITY
    while (w < n && at <= to - (lengths[w] ?? 0)) out[w++] = effective
    effective += voices[i] ?? 0
  }
  while (w < n) out[w++] = effective
  return out
}

/** Whether the term has a post in steps (from, to]: every slot it holds has at least one. */
export function hasPostsIn(s: TermState, from: number, to: number): boolean {
  const i = lastSlotAtOrBefore(s, to)
  return i >= 0 && (s.steps[i] ?? Number.NEGATIVE_INFINITY) > from
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

/**
 * Removes the slots with `idx <= upTo`, oldest first, handing each one's step and voices to
 * `into` (they move into the background).
 */
export function drainSlots(
  s: TermState,
  upTo: number,
  into: (term: string, voices: number, idx: number) => void,
): void {
  let n = 0
  while (n < s.steps.length && (s.steps[n] ?? Number.POSITIVE_INFINITY) <= upTo) n++
  if (n === 0) return
  for (let i = 0; i < n; i++) into(s.term, s.voices[i] ?? 0, s.steps[i] ?? 0)
  dropFirst(s.slots, n)
  dropFirst(s.steps, n)
  dropFirst(s.voices, n)
}

/**
 * Removes the first `n` items (usually one) in place: V8 shifts by moving the array's start, where
 * `splice` also builds an array of the removed items and a copy loop moves every item.
 */
function dropFirst(a: unknown[], n: number): void {
  for (let i = 0; i < n; i++) a.shift()
}
