import type { Signal } from '@pulse/core'
import type { SlackMessage } from './block-kit.ts'

/** What waits in the outbox: the intent, not a rendered call, so threading is decided at send time. */
export type OutboxItem =
  | { kind: 'signal'; key: string; channel: string; signal: Signal; attempts: number; notBefore: number }
  | {
      kind: 'digest'
      key: string
      channel: string
      message: SlackMessage
      date: string
      attempts: number
      notBefore: number
    }

export interface Outbox {
  readonly size: number
  /** Items dropped because the outbox was full, since creation. */
  readonly dropped: number
  has(key: string): boolean
  /** Appends an item; when full, evicts the oldest non-critical item (else the oldest) and returns it. */
  push(item: OutboxItem): OutboxItem | undefined
  peek(): OutboxItem | undefined
  shift(): OutboxItem | undefined
  drain(): OutboxItem[]
}

function isCritical(item: OutboxItem): boolean {
  return item.kind === 'signal' && item.signal.severity === 'critical'
}

/** A bounded FIFO of undelivered alerts (delivered oldest first); each key is queued at most once. */
export function createOutbox(maxSize: number): Outbox {
  const items: OutboxItem[] = []
  let dropped = 0
  return {
    get size() {
      return items.length
    },
    get dropped() {
      return dropped
    },
    has: (key) => items.some((i) => i.key === key),
    push(item) {
      if (items.some((i) => i.key === item.key)) return undefined
      items.push(item)
      if (items.length <= Math.max(1, maxSize)) return undefined
      const victim = items.findIndex((i) => !isCritical(i))
      const [evicted] = items.splice(victim === -1 ? 0 : victim, 1)
      dropped += 1
      return evicted
    },
    peek: () => items[0],
    shift: () => items.shift(),
    drain: () => items.splice(0, items.length),
  }
}
