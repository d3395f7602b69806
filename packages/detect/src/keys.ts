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

const make = (
  dimension: SignalKey['dimension'],
  value: string,
  kind: SignalKind,
  measure: SeriesKey['measure'],
  priority: number,
): SeriesKey => ({ id: `${kind}|${dimension}|${value}`, key: { dimension, value }, kind, measure, priority })

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
    if (c.stance === 'spreading') keys.push(make('claim', c.id, 'misinformation_surge', 'count', 0))
  }
  if (m.topics.includes(options.brandTopic) && !m.fromOrg) {
    keys.push(make('brand', options.brandTopic, 'sentiment_shift', 'negative', 1))
  }
  if (m.selfDisclosure && toOrg && !m.fromOrg)
    keys.push(make('intent', 'self_disclosure', 'phi_exposure', 'count', 2))
  if (m.intents.includes('unanswered_question') && toOrg && !m.fromOrg) {
    keys.push(make('intent', 'unanswered_question', 'information_void', 'count', 3))
  }
  const city = m.geo?.city?.trim()
  for (const t of m.topics) {
    // The place series outranks the topic's: the more specific explanation opens the signal.
    if (city && options.placeTopics?.has(t))
      keys.push(make('place', placeKey(t, city).value, 'volume_spike', 'count', 3.5))
    keys.push(make('topic', t, 'volume_spike', 'count', 4))
  }
  for (const h of m.hashtags) keys.push(make('hashtag', h, 'volume_spike', 'count', 5))
  return keys
}
