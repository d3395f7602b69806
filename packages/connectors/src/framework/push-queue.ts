/**
 * A bounded hand-off from callback-style producers (sockets) to an async consumer. `push` reports
 * whether the queue is below its high-water mark, so the producer can pause until `onDrain`.
 */
export interface PushQueue<T> {
  push(item: T): boolean
  /** Ends the stream after queued items; with an error, the consumer throws it. */
  end(error?: unknown): void
  next(): Promise<IteratorResult<T>>
  onDrain(fn: () => void): void
  readonly size: number
}

export function createPushQueue<T>(highWater = 1_000): PushQueue<T> {
  const items: T[] = []
  let ended = false
  let failure: { error: unknown } | null = null
  let waiter: (() => void) | null = null
  let drain: (() => void) | null = null
  const wake = (): void => {
    const w = waiter
    waiter = null
    w?.()
  }
  return {
    get size() {
      return items.length
    },
    push(item) {
      if (ended) return false
      items.push(item)
      wake()
      return items.length < highWater
    },
    end(error) {
      if (ended) return
      ended = true
      if (error !== undefined) failure = { error }
      wake()
    },
    onDrain(fn) {
      drain = fn
    },
    async next() {
      for (;;) {
        const item = items.shift()
        if (item !== undefined) {
          if (items.length === Math.floor(highWater / 2)) drain?.()
          return { done: false, value: item }
        }
        if (failure) throw failure.error
        if (ended) return { done: true, value: undefined }
        await new Promise<void>((resolve) => {
          waiter = resolve
        })
      }
    },
  }
}
