import type { Signal } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import type { BucketInput } from './accumulator.ts'
import { createEmergingHold } from './emerging-hold.ts'

const MIN = 60_000
const B = 5 * MIN
const T0 = Date.parse('2026-11-16T00:00:00.000Z')
const WARMUP = 2 * 3_600_000
const VOCAB = ['flu', 'shot', 'clinic', 'wait', 'nurse', 'covid', 'fever', 'cough', 'pharmacy', 'bill']

const post = (id: string, authorId: string, t: number, terms: string[]): BucketInput => ({
  id,
  authorId,
  source: 'x',
  text: `${id} ${terms.join(' ')}`,
  textKey: `${id} ${terms.join(' ')}`,
  createdAtMs: t,
  negative: null,
  engagement: 0,
  followers: 10,
  terms,
  refs: [],
  claims: [],
})

/**
 * A hold fed two hours of ordinary chatter, then 30 authors posting a new phrase in one bucket.
 * `rising(k, burstIds)` is what the keyed detector reports at the close `k` buckets after the burst's.
 */
function burstThenClose(rising: (k: number, burstIds: ReadonlySet<string>) => ReadonlySet<string>[]) {
  const hold = createEmergingHold({
    bucketMs: B,
    latenessMs: 2 * MIN,
    emerging: { warmupMs: WARMUP },
    suppressions: [],
  })
  const opened: { term: string; at: number }[] = []
  const closeAt = (start: number, r: ReadonlySet<string>[] = []): void => {
    for (const s of hold.close(start, [], r) as Signal[])
      if (s.state === 'opened') opened.push({ term: s.key.value, at: start })
  }
  let n = 0
  for (let start = T0; start < T0 + WARMUP; start += B) {
    for (let t = start; t < start + B; t += 12_500) {
      const a = VOCAB[n % VOCAB.length] as string
      const b = VOCAB[(n * 7 + 3) % VOCAB.length] as string
      hold.add(post(`bg${n}`, `u${n % 300}`, t, [a, b, `${a} ${b}`]), start)
      n++
    }
    closeAt(start)
  }
  const burst = T0 + WARMUP
  const burstIds = new Set<string>()
  for (let i = 0; i < 30; i++) {
    const id = `burst${i}`
    burstIds.add(id)
    hold.add(post(id, `new${i}`, burst + i * 8_000, ['chest pain', 'chest', 'pain', 'er']), burst)
  }
  for (let k = 0; k < 4; k++) closeAt(burst + k * B, rising(k, burstIds))
  return { opened, burst }
}

describe('emerging hold', () => {
  it('opens a new phrase one bucket after the bucket that found it when nothing else claims it', () => {
    const { opened, burst } = burstThenClose(() => [])
    expect(opened).toEqual([{ term: 'chest pain', at: burst + B }])
  })

  it('holds it one bucket longer while a watchlist key is rising on the same posts', () => {
    const { opened, burst } = burstThenClose((k, ids) => (k === 1 ? [ids] : []))
    expect(opened).toEqual([{ term: 'chest pain', at: burst + 2 * B }])
  })

  it('does not wait for a rising key on other posts', () => {
    const other = new Set(['bg1', 'bg2', 'bg3'])
    const { opened, burst } = burstThenClose(() => [other])
    expect(opened).toEqual([{ term: 'chest pain', at: burst + B }])
  })
})
