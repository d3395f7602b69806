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
  /** The newest event time each partition has delivered so far. */
  readonly latest: ReadonlyMap<number, number>
}

/** A binary min-heap of items by event time. */
class TimeHeap<T> {
  private readonly items: { value: T; t: number }[] = []

  get size(): number {
    return this.items.length
  }

  push(value: T, t: number): void {
    const a = this.items
    a.push({ value, t })
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if ((a[parent] as { t: number }).t <= t) break
      ;[a[i], a[parent]] = [a[parent] as { value: T; t: number }, a[i] as { value: T; t: number }]
      i = parent
    }
  }

  /** Removes and returns, in event-time order, every item at or before `upTo`. */
  popUpTo(upTo: number): T[] {
    const out: T[] = []
    const a = this.items
    while (a.length > 0 && (a[0] as { t: number }).t <= upTo) {
      out.push((a[0] as { value: T }).value)
      const last = a.pop() as { value: T; t: number }
      if (a.length === 0) break
      a[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && (a[l] as { t: number }).t < (a[m] as { t: number }).t) m = l
        if (r < a.length && (a[r] as { t: number }).t < (a[m] as { t: number }).t) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m] as { value: T; t: number }, a[i] as { value: T; t: number }]
        i = m
      }
    }
    return out
  }
}

export function createPartitionMerge<T>(): PartitionMerge<T> {
  const latest = new Map<number, number>()
  const held = new TimeHeap<T>()

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
        held.push(value, t)
      }
      let reached = owned.length > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
      for (const p of owned) reached = Math.min(reached, latest.get(p) ?? Number.NEGATIVE_INFINITY)
      if (reached === Number.NEGATIVE_INFINITY) return { ready: undated, reached }
      return { ready: [...held.popUpTo(reached), ...undated], reached }
    },

    release: (upTo = Number.POSITIVE_INFINITY) => held.popUpTo(upTo),

    get held() {
      return held.size
    },

    latest,
  }
}
