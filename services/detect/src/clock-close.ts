/** What the detect service knows, once a second, when it asks whether the wall clock may close buckets. */
export interface ClockState {
  readonly now: number
  /** Partitions of the enriched topic this service owns. */
  readonly owned: readonly number[]
  /** Messages not yet committed by this service's group, per partition. */
  readonly lag: Readonly<Record<number, number>>
  /** Newest event time delivered so far, per partition. */
  readonly newestByPartition: ReadonlyMap<number, number>
  /** When (service clock) the last mention arrived. */
  readonly lastArrival: number
  readonly latenessMs: number
  readonly bucketMs: number
  /** A stream with nothing new for this long is quiet. */
  readonly quietMs: number
}

/**
 * Whether buckets may close by the wall clock now (posts older than the lateness released, buckets
 * over by the clock closed). Only when no post still on its way can belong to them:
 * - every owned partition has nothing queued, or has already delivered posts up to the closing
 *   point (a partition keeps its source's order, so what waits there is newer and lands in a bucket
 *   still open) — a busy partition does not hold back the clock, a partition catching up does;
 * - and the stream is current (its newest post within a bucket and the lateness of now) or has been
 *   quiet for `quietMs` — a backlog draining, a stage upstream catching up or a replay close by event
 *   time alone.
 */
export function clockMayClose(s: ClockState): boolean {
  const closingPoint = s.now - s.latenessMs
  for (const p of s.owned) {
    const queued = (s.lag[p] ?? 0) > 0
    if (queued && (s.newestByPartition.get(p) ?? Number.NEGATIVE_INFINITY) < closingPoint) return false
  }
  const newest = Math.max(Number.NEGATIVE_INFINITY, ...s.newestByPartition.values())
  return newest >= closingPoint - s.bucketMs || s.now - s.lastArrival >= s.quietMs
}
