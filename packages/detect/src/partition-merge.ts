/**
 * Merges mentions read side by side from several partitions back into event-time order.
 *
 * Each partition arrives in its source's order, but partitions are read independently: in a
 * backlog, or a replay at full speed, one may be hours ahead of another. Items are held until every
 * partition the reader owns has got past them (the smallest of the partitions' latest event
 * times), then handed on sorted by event time, so the detector sees the stream as it happened.
 */
export interface PartitionMerge<T> {
  /**
   * Takes a batch from one or more partitions and returns what every owned partition has passed,
   * in event-time order, with that bound (−∞ while an owned partition has delivered nothing).
   */
  push(
    items: readonly { readonly value: T; readonly partition: number; readonly t: number }[],
    owned: readonly number[],
  ): { readonly ready: T[]; readonly reached: number }
  /** What is held up to event time `upTo` (everything by default), in event-time order. */
  release(upTo?: number): T[]
  /** Items held back. */
  readonly held: number
}

export function createPartitionMerge<T>(): PartitionMerge<T> {
  const latest = new Map<number, number>()
  let held: { value: T; t: number }[] = []

  const byTime = (a: { t: number }, b: { t: number }): number => a.t - b.t

  return {
    push(items, owned) {
      // Undated items (the detector skips them) are not held.
      const undated: T[] = []
      for (const { value, partition, t } of items) {
        if (Number.isNaN(t)) {
          undated.push(value)
          continue
        }
        if (t > (latest.get(partition) ?? Number.NEGATIVE_INFINITY)) latest.set(partition, t)
        held.push({ value, t })
      }
      let reached = owned.length > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
      for (const p of owned) reached = Math.min(reached, latest.get(p) ?? Number.NEGATIVE_INFINITY)
      if (reached === Number.NEGATIVE_INFINITY) return { ready: undated, reached }
      const ready: { value: T; t: number }[] = []
      const rest: { value: T; t: number }[] = []
      for (const h of held) (h.t <= reached ? ready : rest).push(h)
      held = rest
      return { ready: [...ready.sort(byTime).map((h) => h.value), ...undated], reached }
    },

    release(upTo = Number.POSITIVE_INFINITY) {
      const out = held.filter((h) => h.t <= upTo).sort(byTime)
      held = held.filter((h) => !(h.t <= upTo))
      return out.map((h) => h.value)
    },

    get held() {
      return held.length
    },
  }
}
