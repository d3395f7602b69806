import { DEFAULT_CLAIMS, DEFAULT_TOPICS } from '@pulse/classify'
import { type Clock, parsePlace, type Watchlist } from '@pulse/core'
import { createDetector, type Detector } from '@pulse/detect'

const HOUR = 3_600_000

/** The detector exactly as the detect service runs it (also used by `pulse bench signals`). */
export function buildDetector(watchlist: Watchlist, clock: Clock): Detector {
  const claims = new Map((watchlist.claims ?? DEFAULT_CLAIMS).map((c) => [c.id, c.claim]))
  const rules = watchlist.topics ?? DEFAULT_TOPICS
  const topics = new Map(rules.map((t) => [t.id, t.label]))
  const placeLabel = (value: string): string | undefined => {
    const p = parsePlace(value)
    return p ? `${topics.get(p.topic) ?? p.topic} in ${p.city}` : undefined
  }
  return createDetector({
    watchlist,
    clock,
    // A key needs a day of history (one daily cycle) before it can alarm.
    series: { warmupMs: 24 * HOUR },
    // Illness and its causes cluster in places: those topics also get a series per city.
    placeTopics: rules.filter((t) => t.category === 'illness' || t.category === 'cause').map((t) => t.id),
    labelOf: (dimension, value) =>
      (dimension === 'claim'
        ? claims.get(value)
        : dimension === 'topic'
          ? topics.get(value)
          : dimension === 'place'
            ? placeLabel(value)
            : undefined) ?? value,
  })
}
