import { describe, expect, it } from 'vitest'
import { evaluateSampleSignals } from './signals.ts'

// The bundled sample's seeded events against the detector exactly as the detect service runs it.
describe('detection on the bundled sample stream', () => {
  it('turns every seeded event into exactly one signal of its kind within two buckets, without unrelated false alarms', async () => {
    const r = await evaluateSampleSignals()
    expect(r.events).toHaveLength(4)
    for (const e of r.events) {
      expect(e.delayBuckets, e.event.id).not.toBeNull()
      expect(e.delayBuckets ?? 99, e.event.id).toBeLessThanOrEqual(2)
      expect(e.kindMatches, e.event.id).toBe(true)
      expect(e.signals.length, e.event.id).toBe(1)
    }
    expect(r.unrelated.length / r.days).toBeLessThanOrEqual(1)
  }, 120_000)
})
