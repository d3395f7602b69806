import { type EnrichedMention, stableHash } from '@pulse/core'

/** What a bucket tallies from its posts only when asked (evidence and comparisons). */
interface Tally {
  readonly claimPosts: Map<string, number>
  readonly sources: Map<string, number>
  readonly terms: Map<string, number>
  readonly texts: Map<string, number>
  readonly samples: Array<{ id: string; text: string; weight: number }>
}

/**
 * What one bucket of one key collected: enough for scoring and for the signal's evidence. Counts,
 * authors, ids and links are kept as posts arrive, since every key's close reads them. The rest
 * (claims, sources, terms, texts, samples) is read only for a key that alarms, rises or has an open
 * signal, a few of the hundred-odd keys: it is tallied from the bucket's posts, in arrival order,
 * the first time it is asked for, and kept up to date from then on. Tallied eagerly, it was ten
 * map writes per key a post and about a seventh of what the main thread's heap promoted.
 */
export class Bucket {
  count = 0
  negative = 0
  scored = 0
  engagement = 0
  reach = 0
  firstSeen = Number.POSITIVE_INFINITY
  readonly authors = new Set<string>()
  readonly ids = new Set<string>()
  /**
   * Ids the bucket's posts reply to, quote or repost, with how many of its posts do: how a thread
   * ties spikes to one event.
   */
  readonly refs = new Map<string, number>()
  #pending: BucketInput[] = []
  #tally: Tally | undefined

  /** Adds a post to what is tallied on demand. */
  note(m: BucketInput): void {
    if (this.#tally) tallyPost(this.#tally, m)
    else this.#pending.push(m)
  }

  #tallied(): Tally {
    if (!this.#tally) {
      const t: Tally = {
        claimPosts: new Map(),
        sources: new Map(),
        terms: new Map(),
        texts: new Map(),
        samples: [],
      }
      for (const m of this.#pending) tallyPost(t, m)
      this.#pending = []
      this.#tally = t
    }
    return this.#tally
  }

  /** Posts per misinformation claim they mention, whatever their stance (debunks included). */
  get claimPosts(): Map<string, number> {
    return this.#tallied().claimPosts
  }
  get sources(): Map<string, number> {
    return this.#tallied().sources
  }
  get terms(): Map<string, number> {
    return this.#tallied().terms
  }
  get texts(): Map<string, number> {
    return this.#tallied().texts
  }
  get samples(): Array<{ id: string; text: string; weight: number }> {
    return this.#tallied().samples
  }
}

const MAX_SET = 5_000
const MAX_TERMS = 300
const MAX_SAMPLES = 3

export function newBucket(): Bucket {
  return new Bucket()
}

export interface BucketInput {
  readonly id: string
  readonly authorId: string
  readonly source: string
  readonly text: string
  /** Fingerprint of the text once normalised (case, spacing, links, handles): copies share it. */
  readonly textKey: string
  readonly createdAtMs: number
  readonly negative: boolean | null
  readonly engagement: number
  readonly followers: number
  readonly terms: readonly string[]
  readonly refs: readonly string[]
  readonly claims: readonly string[]
}

/** Runs of whitespace but a lone space: collapsing only those gives `\s+` → ' ' without a copy. */
const SPACES = /\s{2,}|[^\S ]/g
/** Normalised texts up to this long are their own key; longer ones are hashed (bounded memory). */
const MAX_PLAIN_TEXT_KEY = 280

/**
 * Near-duplicate fingerprint: the same text once normalised (case, spacing, links, handles). Keys
 * are only compared, never shown, so a post-length text is used as it is: hashing every mention
 * cost more than the rest of its bucketing, and distinct texts stay distinct keys either way.
 */
export function textKeyOf(text: string): string {
  const norm = text
    .toLowerCase()
    .replace(/https?:\/\/\S+|@\w+/g, '')
    .replace(SPACES, ' ')
    .trim()
  return norm.length <= MAX_PLAIN_TEXT_KEY ? norm : stableHash(norm)
}

/**
 * A mention as its keys' buckets see it, at event time `createdAtMs` (already parsed); built once per
 * mention, whatever the number of keys it counts for.
 */
export function bucketInputOf(m: EnrichedMention, createdAtMs: number): BucketInput {
  return {
    id: m.id,
    authorId: m.author.id,
    source: m.source,
    text: m.text,
    textKey: textKeyOf(m.text),
    createdAtMs,
    negative: m.sentiment ? m.sentiment.label === 'negative' : null,
    engagement: m.engagement.likes + m.engagement.reposts + m.engagement.replies + m.engagement.quotes,
    followers: m.author.followers ?? 0,
    terms: m.terms,
    refs: [m.inReplyTo, m.quoteOf, m.repostOf].filter((r): r is string => typeof r === 'string' && r !== ''),
    claims: m.claims.map((c) => c.id),
  }
}

const bump = (m: Map<string, number>, k: string, cap: number): void => {
  const v = m.get(k)
  if (v !== undefined) m.set(k, v + 1)
  else if (m.size < cap) m.set(k, 1)
}

/** Adds one mention to a bucket. Sets and maps are capped, so a bucket's memory is bounded. */
export function addToBucket(b: Bucket, m: BucketInput): void {
  b.count++
  if (m.negative !== null) {
    b.scored++
    if (m.negative) b.negative++
  }
  b.engagement += m.engagement
  b.reach += m.followers
  if (m.createdAtMs < b.firstSeen) b.firstSeen = m.createdAtMs
  if (b.authors.size < MAX_SET) b.authors.add(m.authorId)
  if (b.ids.size < MAX_SET) b.ids.add(m.id)
  for (const r of m.refs) bump(b.refs, r, MAX_SET)
  b.note(m)
}

/** Tallies one post's claims, source, terms, text and sample weight. */
function tallyPost(t: Tally, m: BucketInput): void {
  for (const c of m.claims) bump(t.claimPosts, c, 64)
  bump(t.sources, m.source, 64)
  for (const term of m.terms) bump(t.terms, term, MAX_TERMS)
  bump(t.texts, m.textKey, MAX_SET)
  const weight = m.engagement + Math.log10(1 + m.followers)
  const samples = t.samples
  if (samples.length < MAX_SAMPLES) samples.push({ id: m.id, text: m.text, weight })
  else {
    let low = 0
    for (let i = 1; i < samples.length; i++)
      if ((samples[i]?.weight ?? 0) < (samples[low]?.weight ?? 0)) low = i
    if (weight > (samples[low]?.weight ?? 0)) samples[low] = { id: m.id, text: m.text, weight }
  }
}

/** Merges `from` into `into` (used when a late bucket folds into the next open one). */
export function mergeBucket(into: Bucket, from: Bucket): void {
  into.count += from.count
  into.negative += from.negative
  into.scored += from.scored
  into.engagement += from.engagement
  into.reach += from.reach
  into.firstSeen = Math.min(into.firstSeen, from.firstSeen)
  for (const a of from.authors) if (into.authors.size < MAX_SET) into.authors.add(a)
  for (const i of from.ids) if (into.ids.size < MAX_SET) into.ids.add(i)
  for (const [k, v] of from.refs) into.refs.set(k, (into.refs.get(k) ?? 0) + v)
  for (const [k, v] of from.claimPosts) into.claimPosts.set(k, (into.claimPosts.get(k) ?? 0) + v)
  for (const [k, v] of from.sources) into.sources.set(k, (into.sources.get(k) ?? 0) + v)
  for (const [k, v] of from.terms) into.terms.set(k, (into.terms.get(k) ?? 0) + v)
  for (const [k, v] of from.texts) into.texts.set(k, (into.texts.get(k) ?? 0) + v)
  for (const s of from.samples) if (into.samples.length < MAX_SAMPLES) into.samples.push(s)
}

export const topOf = (m: ReadonlyMap<string, number>, n: number): Array<{ value: string; count: number }> =>
  [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([value, count]) => ({ value, count }))

/**
 * 0 = organic, 1 = looks amplified: few distinct texts for many posts (copy-paste or reposts),
 * or few authors posting many times (bot-like rates).
 */
export function amplificationOf(b: Bucket): number {
  if (b.count <= 1) return 0
  const duplicateShare = 1 - b.texts.size / b.count
  const authorConcentration = 1 - b.authors.size / b.count
  return Math.min(1, Math.max(0, 0.6 * duplicateShare + 0.4 * authorConcentration))
}
