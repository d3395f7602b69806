import { describe, expect, it } from 'vitest'
import { type EpisodeOptions, newEpisodeState, stepEpisode } from './alert-episode.ts'

const MIN = 60_000
const o: EpisodeOptions = { alertLevel: 2, calmMs: 180 * MIN, realertFactor: 1.5, minGapMs: 60 * MIN }

/** Feeds deviations 5 minutes apart and returns what each one alerted with (0 = no alert). */
function run(deviations: readonly number[], options = o): number[] {
  const s = newEpisodeState()
  return deviations.map((d, i) => stepEpisode(s, i * 5 * MIN, d, options))
}

describe('stepEpisode', () => {
  it.each([
    ['nothing above the level', [0, 1, 2, 1.9, 0], [0, 0, 0, 0, 0]],
    ['the first reading above the level alerts with its value', [1, 2.5, 2.7, 2.6], [0, 2.5, 0, 0]],
    ['a bigger reading needs realertFactor × the last alert', [3, 4, 4.4], [3, 0, 0]],
    ['empty input', [], []],
  ])('%s', (_name, input, want) => {
    expect(run(input)).toEqual(want)
  })

  it('holds a stronger reading inside the gap and reports it when the gap ends', () => {
    // Alert at 3, then 6 (≥ 1.5 × 3) five minutes later: held, not dropped, even after the
    // deviation falls back; reported with the held maximum one hour after the first alert.
    const input = [3, 6, 2.5, ...Array<number>(9).fill(2.5), 2.5]
    const out = run(input)
    expect(out[0]).toBe(3)
    expect(out.slice(1, 12).every((x) => x === 0)).toBe(true)
    expect(out[12]).toBe(6)
  })

  it('starts a new episode after calmMs at or below the level, which alerts at a lower level again', () => {
    const calm = Array<number>(37).fill(0) // 37 × 5 min > 3 h
    const out = run([8, ...calm, 3])
    expect(out[0]).toBe(8)
    expect(out[out.length - 1]).toBe(3)
  })

  it('keeps the episode open through a short dip, so the same event does not alert twice', () => {
    const dip = Array<number>(12).fill(0) // one hour, less than calmMs
    const out = run([8, ...dip, 8, 8])
    expect(out.filter((x) => x > 0)).toEqual([8])
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'ignores a non-finite deviation (%s) without changing its state',
    (bad) => {
      const s = newEpisodeState()
      expect(stepEpisode(s, 0, bad, o)).toBe(0)
      expect(s).toEqual(newEpisodeState())
      expect(stepEpisode(s, 5 * MIN, 3, o)).toBe(3)
    },
  )

  it('with realertFactor 1 and no gap, every new maximum alerts', () => {
    expect(run([3, 4, 4, 5], { ...o, realertFactor: 1, minGapMs: 0 })).toEqual([3, 4, 0, 5])
  })
})
