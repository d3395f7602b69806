import { type EnrichedMention, placeKey, type SignalKey, type SignalKind } from '@pulse/core'

/** A series the detector keeps: what it is about, the signal kind it raises, and what it counts. */
export interface SeriesKey {
  readonly id: string
  readonly key: SignalKey
  readonly kind: SignalKind
  /** What the bucket value is: all mentions, or only the negative ones (sentiment shift). */
  readonly measure: 'count' | 'negative'
  /** Lower wins when overlapping keys fire together (the more specific explanation opens the signal). */
  readonly priority: number
}

/**
 * The series keys of one kind, by value, each built once: every mention names a handful, and a new
 * key object and id string per mention and key (the id then hashed again for every look-up) cost
 * more than the look-up here. Bounded: cleared when full (the keys are rebuilt as they recur).
 */
function keysOf(
  dimension: SignalKey['dimension'],
  kind: SignalKind,
  measure: SeriesKey['measure'],
  priority: number,
): (value: string) => SeriesKey {
  const built = new Map<string, SeriesKey>()
  return (value) => {
    let k = built.get(value)
    if (!k) {
      if (built.size >= MAX_CACHED_KEYS) built.clear()
      k = { id: `${kind}|${dimension}|${value}`, key: { dimension, value }, kind, measure, priority }
      built.set(value, k)
    }
    return k
  }
}

const MAX_CACHED_KEYS = 20_000
const claimKey = keysOf('claim', 'misinformation_surge', 'count', 0)
const brandKey = keysOf('brand', 'sentiment_shift', 'negative', 1)
const selfDisclosureKey = keysOf('intent', 'phi_exposure', 'count', 2)
const unansweredKey = keysOf('intent', 'information_void', 'count', 3)
const placeSeriesKey = keysOf('place', 'volume_spike', 'count', 3.5)
const topicKey = keysOf('topic', 'volume_spike', 'count', 4)
const hashtagKey = keysOf('hashtag', 'volume_spike', 'count', 5)

export interface KeyOptions {
  /** Topic id of the organisation's own brand (its mentions feed the sentiment-shift series). */
  readonly brandTopic: string
  readonly orgHandles: ReadonlySet<string>
  /**
   * Topics that also get a series per place (`gi-illness@Westerville`): a symptom cluster in one
   * city is a handful of posts there, lost in the topic's citywide and nationwide volume.
   */
  readonly placeTopics?: ReadonlySet<string>
}

/** The series a mention counts towards. */
export function seriesKeysOf(m: EnrichedMention, options: KeyOptions): SeriesKey[] {
  const keys: SeriesKey[] = []
  const toOrg =
    m.mentions.some((h) => options.orgHandles.has(h)) || m.topics.includes(options.brandTopic) || m.fromOrg
  for (const c of m.claims) {
    if (c.stance === 'spreading') keys.push(claimKey(c.id))
  }
  if (m.topics.includes(options.brandTopic) && !m.fromOrg) {
    keys.push(brandKey(options.brandTopic))
  }
  if (m.selfDisclosure && toOrg && !m.fromOrg) keys.push(selfDisclosureKey('self_disclosure'))
  if (m.intents.includes('unanswered_question') && toOrg && !m.fromOrg) {
    keys.push(unansweredKey('unanswered_question'))
  }
  const city = m.geo?.city?.trim()
  for (const t of m.topics) {
    // The place series outranks the topic's: the more specific explanation opens the signal.
    if (city && options.placeTopics?.has(t)) keys.push(placeSeriesKey(placeKey(t, city).value))
    keys.push(topicKey(t))
  }
  for (const h of m.hashtags) keys.push(hashtagKey(h))
  return keys
}
