/** A resettable wake-up: `wait()` resolves at the next `notify()` (or right away if one is pending). */
export class Notifier {
  #waiters: Array<() => void> = []

  wait(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const done = (): void => {
        if (timer) clearTimeout(timer)
        resolve()
      }
      this.#waiters.push(done)
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.#waiters = this.#waiters.filter((w) => w !== done)
          resolve()
        }, timeoutMs)
      }
    })
  }

  notify(): void {
    const waiters = this.#waiters
    this.#waiters = []
    for (const w of waiters) w()
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Resolves on the event loop's next turn (after pending I/O and timers), not in the current
 * microtask queue: a loop that awaits only promises that are already settled never lets a timer,
 * a socket or a worker thread's message through.
 */
export const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r))
