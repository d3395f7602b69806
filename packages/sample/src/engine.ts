import type { Context } from './context.ts'
import type { Draft, Emitter, Produced } from './draft.ts'

const MINUTE = 60_000
const SLOTS = 1024

/**
 * Runs emitters minute by minute from `startMs` to `endMs` (may be infinite): each emitter's
 * arrivals in a minute are Poisson with its rate at mid-minute, placed uniformly in the minute,
 * merged in time order with posts scheduled earlier (replies). Yields mentions in non-decreasing
 * `createdAt`; memory is bounded by one minute of arrivals plus pending replies.
 */
export function* runEmitters(
  ctx: Context,
  emitters: readonly Emitter[],
  startMs: number,
  endMs: number,
): Generator<Produced> {
  if (emitters.length > SLOTS) throw new RangeError(`at most ${SLOTS} emitters`)
  const keys: number[] = []
  for (let minute = Math.floor(startMs / MINUTE); minute * MINUTE < endMs; minute++) {
    ctx.minute = minute
    const m0 = minute * MINUTE
    keys.length = 0
    for (let e = 0; e < emitters.length; e++) {
      const emitter = emitters[e]
      if (!emitter) continue
      const n = ctx.rng.poisson(emitter.rate(m0 + MINUTE / 2))
      for (let k = 0; k < n; k++) keys.push(ctx.rng.int(MINUTE) * SLOTS + e)
    }
    keys.sort((a, b) => a - b)
    const due = ctx.takeDue(minute)
    let i = 0
    let j = 0
    while (i < keys.length || j < due.length) {
      const key = keys[i]
      const later = due[j]
      const keyMs = key === undefined ? Number.POSITIVE_INFINITY : m0 + Math.floor(key / SLOTS)
      let ms: number
      let draft: Draft | null
      if (later === undefined || keyMs <= later.ms) {
        ms = keyMs
        draft = emitters[(key ?? 0) % SLOTS]?.make(ctx, ms) ?? null
        i++
      } else {
        ms = later.ms
        draft = later.make(ctx, ms)
        j++
      }
      if (draft && ms >= startMs && ms < endMs) yield { mention: ctx.build(draft, ms), origin: draft.origin }
    }
  }
}
