import { parsePlace, topicOfKey } from '@pulse/core'
import { buildEnrichedMention } from '@pulse/testkit'
import { describe, expect, it } from 'vitest'
import { seriesKeysOf } from './keys.ts'

const options = {
  brandTopic: 'brand',
  orgHandles: new Set(['stmaryshealth']),
  placeTopics: new Set(['gi-illness']),
}
const ids = (m: Parameters<typeof seriesKeysOf>[0]) => seriesKeysOf(m, options).map((k) => k.id)

describe('seriesKeysOf', () => {
  it('gives a place topic a series per city, ranked before the topic itself', () => {
    const m = buildEnrichedMention({
      hashtags: [],
      topics: ['gi-illness', 'er-wait'],
      geo: { city: ' Westerville ', region: 'OH', country: 'US' },
    })
    const keys = seriesKeysOf(m, options)
    expect(keys.map((k) => k.id)).toEqual([
      'volume_spike|place|gi-illness@Westerville',
      'volume_spike|topic|gi-illness',
      'volume_spike|topic|er-wait',
    ])
    const [place, topic] = keys
    expect(place?.priority).toBeLessThan(topic?.priority ?? 0)
    expect(parsePlace(place?.key.value ?? '')).toEqual({ topic: 'gi-illness', city: 'Westerville' })
    expect(place && topicOfKey(place.key)).toBe('gi-illness')
  })

  it('keeps to the topic without a city, for topics not tracked by place, and with no place topics', () => {
    expect(ids(buildEnrichedMention({ hashtags: [], topics: ['gi-illness'] }))).toEqual([
      'volume_spike|topic|gi-illness',
    ])
    expect(
      ids(
        buildEnrichedMention({
          hashtags: [],
          topics: ['er-wait'],
          geo: { city: 'Columbus', region: 'OH', country: 'US' },
        }),
      ),
    ).toEqual(['volume_spike|topic|er-wait'])
    const m = buildEnrichedMention({
      hashtags: [],
      topics: ['gi-illness'],
      geo: { city: 'Columbus', region: 'OH', country: 'US' },
    })
    expect(seriesKeysOf(m, { brandTopic: 'brand', orgHandles: new Set() }).map((k) => k.id)).toEqual([
      'volume_spike|topic|gi-illness',
    ])
  })

  it('reads place values back, and refuses what is not one', () => {
    expect(parsePlace('gi-illness@St. Louis')).toEqual({ topic: 'gi-illness', city: 'St. Louis' })
    expect(parsePlace('gi-illness')).toBeNull()
    expect(parsePlace('@Westerville')).toBeNull()
    expect(parsePlace('gi-illness@')).toBeNull()
    expect(topicOfKey({ dimension: 'hashtag', value: 'gi@x' })).toBeUndefined()
  })
})
