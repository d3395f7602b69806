/**
 * What the emerging-term detector keeps per tracked term: per-step counts for the test windows
 * (until they move into the background sketch), recent mention ids and the open episode. Which
 * authors already count for a term is kept per author (`emerging-authors.ts`): an author posts a
 * handful of terms an hour, where a popular term has hundreds of authors. Every collection is
 * capped, so a term's memory is bounded.
 */

export interface TermEpisode {
  readonly openedIdx: number
  calm: number
  /** Recent mention ids while elevated: a term firing later on mostly the same posts is folded into it. */
  ids: ReadonlySet<string>
}

/**
 * A term's slots: one per event-time step (a minute by default) with posts, ascending by step,
 * from `head` on (slots before `head` have moved into the background). Parallel arrays, index for
 * index: every step sums the windows of hundreds of terms over up to an hour of slots, and flat
 * arrays of numbers are read in sequence where one object per slot costs an allocation per post
 * and a cache miss per read.
 */
export interface TermState {
  readonly term: string
  firstSeenMs: number
  lastIdx: number
  /** The first slot still held; the arrays are compacted when most of them lies before it. */
  head: number
  readonly steps: number[]
  /** Independent voices: posts from an author new to the term with a text not seen before, bot-discounted. */
  readonly voices: number[]
  /** The voices of every slot held (at least any window's count: a quick test for too few). */
  held: number
  /** Every post, duplicates and repeat authors included (for the amplification score). */
  readonly posts: number[]
  /** Authors who became voices of the term in the step (duplicate texts included). */
  readonly authors: number[]
  /**
   * The step's first mention ids (at most MAX_IDS_PER_SLOT): one id as a string, several as an
   * array. Kept per step, so a replay that delivers hours at once still has the ids of the step
   * being tested, not only the latest ones.
   */
  readonly ids: (string | string[])[]
  episode: TermEpisode | null
  /** The term's cells in the background sketch, once worked out. */
  cells: readonly number[] | undefined
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
    head: 0,
    steps: [],
    voices: [],
    held: 0,
    posts: [],
    authors: [],
    ids: [],
    episode: null,
    cells: undefined,
    freshPass: -1,
  }
}

/** Index of the slot of step `idx`, inserted in order (holding `firstId`) if new. */
function slotIndexAt(s: TermState, idx: number, firstId: string): number {
  const { steps } = s
  let i = steps.length - 1
  for (; i >= s.head; i--) {
    const at = steps[i] as number
    if (at === idx) return i
    if (at < idx) break
  }
  if (i === steps.length - 1) {
    steps.push(idx)
    s.voices.push(0)
    s.posts.push(0)
    s.authors.push(0)
    s.ids.push(firstId)
  } else {
    // A late post, earlier than the newest slot.
    steps.splice(i + 1, 0, idx)
    s.voices.splice(i + 1, 0, 0)
    s.posts.splice(i + 1, 0, 0)
    s.authors.splice(i + 1, 0, 0)
    s.ids.splice(i + 1, 0, firstId)
  }
  return i + 1
}

export interface PostForTerm {
  readonly id: string
  readonly createdAtMs: number
  readonly idx: number
  /** Author weight in (0, 1]: below 1 for accounts posting at bot-like rates. */
  readonly weight: number
  /** Whether the normalised text was already seen inside the window (a repost or copy-paste). */
  readonly duplicateText: boolean
}

/**
 * Counts one post for a term. `voice` says whether its author becomes a voice of the term with
 * it (not counted for the term inside the window): `false` if not, else the step the author
 * counted at before, which it leaves (−∞ if none). Only a new voice with a text not seen before
 * adds a voice. Returns the effective amount added.
 */
export function recordPost(s: TermState, p: PostForTerm, voice: false | number): number {
  const at = slotIndexAt(s, p.idx, p.id)
  const posts = s.posts[at] as number
  if (posts > 0) {
    const ids = s.ids[at] as string | string[]
    if (typeof ids === 'string') s.ids[at] = [ids, p.id]
    else if (ids.length < MAX_IDS_PER_SLOT) ids.push(p.id)
  }
  s.posts[at] = posts + 1
  if (p.createdAtMs < s.firstSeenMs) s.firstSeenMs = p.createdAtMs
  if (p.idx > s.lastIdx) s.lastIdx = p.idx
  if (voice === false) return 0
  if (voice !== Number.NEGATIVE_INFINITY) {
    // The author's earlier step (out of this post's window) no longer holds it, if still held.
    const before = lastSlotAtOrBefore(s, voice)
    if (before >= s.head && s.steps[before] === voice) s.authors[before] = (s.authors[before] as number) - 1
  }
  s.authors[at] = (s.authors[at] as number) + 1
  if (p.duplicateText) return 0
  s.voices[at] = (s.voices[at] as number) + p.weight
  s.held += p.weight
  return p.weight
}

/** Index of the last slot with `idx <= to` (head − 1 if none). A replay may hold hours of later slots. */
function lastSlotAtOrBefore(s: TermState, to: number): number {
  let lo = s.head
  let hi = s.steps.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((s.steps[mid] as number) <= to) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** Effective voices and raw posts in steps (from, to]. */
export function windowOf(s: TermState, from: number, to: number): { effective: number; posts: number } {
  let effective = 0
  let posts = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= s.head; i--) {
    if ((s.steps[i] as number) <= from) break
    effective += s.voices[i] as number
    posts += s.posts[i] as number
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
  const { steps, voices, head } = s
  let effective = 0
  let w = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= head && w < n; i--) {
    const at = steps[i] as number
    while (w < n && at <= to - (lengths[w] ?? 0)) out[w++] = effective
    effective += voices[i] as number
  }
  while (w < n) out[w++] = effective
  return out
}

/** Whether the term has a post in steps (from, to]: every slot it holds has at least one. */
export function hasPostsIn(s: TermState, from: number, to: number): boolean {
  const i = lastSlotAtOrBefore(s, to)
  return i >= s.head && (s.steps[i] as number) > from
}

/** Mention ids of steps (from, to], oldest first: at most MAX_IDS, from the latest steps. */
export function idsIn(s: TermState, from: number, to: number): string[] {
  const picked: string[][] = []
  let n = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= s.head && n < MAX_IDS; i--) {
    if ((s.steps[i] as number) <= from) break
    const ids = s.ids[i] as string | string[]
    const all = typeof ids === 'string' ? [ids] : ids
    const take = all.slice(Math.max(0, all.length - (MAX_IDS - n)))
    picked.push(take)
    n += take.length
  }
  return picked.reverse().flat()
}

/** Distinct authors who became voices of the term in steps (from, to]. */
export function authorsIn(s: TermState, from: number, to: number): number {
  let n = 0
  for (let i = lastSlotAtOrBefore(s, to); i >= s.head; i--) {
    if ((s.steps[i] as number) <= from) break
    n += s.authors[i] as number
  }
  return n
}

/** The steps the term still holds slots of. */
export function heldSteps(s: TermState): number[] {
  return s.steps.slice(s.head)
}

/**
 * Removes the slots with `idx <= upTo`, oldest first, handing each one's step and voices to
 * `into` (they move into the background).
 */
export function drainSlots(
  s: TermState,
  upTo: number,
  into: (s: TermState, voices: number, idx: number) => void,
): void {
  const { steps } = s
  let n = s.head
  while (n < steps.length && (steps[n] as number) <= upTo) {
    const voices = s.voices[n] as number
    into(s, voices, steps[n] as number)
    s.held -= voices
    n++
  }
  if (n === s.head) return
  if (n === steps.length) {
    // All gone (the usual case for a quiet term): empty the arrays, keeping their storage.
    s.held = 0
    s.head = 0
    steps.length = 0
    s.voices.length = 0
    s.posts.length = 0
    s.authors.length = 0
    s.ids.length = 0
    return
  }
  s.head = n
  // Compacted once most of the arrays is drained: a shift per slot moves every later slot.
  if (n >= 16 && n * 2 >= steps.length) {
    steps.splice(0, n)
    s.voices.splice(0, n)
    s.posts.splice(0, n)
    s.authors.splice(0, n)
    s.ids.splice(0, n)
    s.head = 0
  }
}
